#include "text_template.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* The deepest nesting of sections. */
#define TEMPLATE_DEPTH 16

enum token_kind {
    TOKEN_TEXT,     /* text[start, start + length) as it is */
    TOKEN_FIELD,    /* the value named text[start, start + length) */
    TOKEN_SECTION,  /* tokens up to end, for each item or a value */
    TOKEN_INVERTED, /* tokens up to end, when empty */
};

struct token {
    enum token_kind kind;
    size_t start;
    size_t length;
    size_t end; /* sections: the index of the first token after the section */
};

struct text_template {
    char *text;
    struct token *tokens;
    size_t count;
    size_t capacity;
};

/* One field: a value, or (value NULL) a list of items. */
struct template_entry {
    char *name;
    char *value;
    struct template_data **items;
    size_t item_count;
    size_t item_capacity;
    struct template_entry *next;
};

struct template_data {
    struct template_entry *entries;
};

/* What parsing needs to know. */
struct parse {
    const char *name;
    int first_line;
    const char *const *fields;
    struct text_template *template;
    size_t open[TEMPLATE_DEPTH]; /* token index of each open section */
    size_t depth;
    struct ct_err *err;
};

static int line_at(const struct parse *parse, size_t offset)
{
    int line = parse->first_line;
    for (size_t i = 0; i < offset && parse->template->text[i] != '\0'; i++) {
        line += parse->template->text[i] == '\n';
    }
    return line;
}

static enum ct_status parse_fail(const struct parse *parse, size_t offset, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static enum ct_status parse_fail(const struct parse *parse, size_t offset, const char *format, ...)
{
    char where[256], message[400];
    snprintf(where, sizeof where, "%s line %d", parse->name, line_at(parse, offset));
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    return ct_err_set(parse->err, CT_ERR_INPUT, where, "%s", message);
}

static enum ct_status add_token(struct parse *parse, enum token_kind kind, size_t start,
                                size_t length)
{
    struct text_template *template = parse->template;
    if (template->count == template->capacity) {
        size_t capacity = template->capacity == 0 ? 16 : template->capacity * 2;
        struct token *grown = realloc(template->tokens, capacity * sizeof *grown);
        if (grown == NULL) {
            return ct_err_nomem(parse->err);
        }
        template->tokens = grown;
        template->capacity = capacity;
    }
    template->tokens[template->count++] =
        (struct token){.kind = kind, .start = start, .length = length, .end = 0};
    return CT_OK;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

/* Checks that text[start, start + length) is a field the template may use. */
static enum ct_status check_name(const struct parse *parse, size_t start, size_t length)
{
    const char *text = parse->template->text;
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)(length < 100 ? length : 100), text + start);
    for (size_t i = 0; i < length; i++) {
        if (!name_char(text[start + i])) {
            return parse_fail(parse, start, "\"%s\" is not a field name", name);
        }
    }
    if (length == 0) {
        return parse_fail(parse, start, "a tag names no field");
    }
    for (const char *const *field = parse->fields; field != NULL && *field != NULL; field++) {
        if (strlen(*field) == length && memcmp(*field, text + start, length) == 0) {
            return CT_OK;
        }
    }
    return parse_fail(parse, start, "{{%s}} is not a field this template may use", name);
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* When the tag at [tag_start, *tag_end) is alone on its line (only blanks around it, and
 * the line starts at or after from), widens it over the line: *text_end becomes the
 * line's start and *tag_end the next line's. */
static void take_line(const char *text, size_t from, size_t tag_start, size_t *text_end,
                      size_t *tag_end)
{
    size_t line_start = tag_start;
    while (line_start > from && blank(text[line_start - 1])) {
        line_start--;
    }
    if (line_start > 0 && text[line_start - 1] != '\n') {
        return;
    }
    if (line_start < from) {
        return;
    }
    size_t after = *tag_end;
    while (blank(text[after])) {
        after++;
    }
    if (text[after] != '\n' && text[after] != '\0') {
        return;
    }
    *text_end = line_start;
    *tag_end = text[after] == '\n' ? after + 1 : after;
}

static enum ct_status open_section(struct parse *parse, enum token_kind kind, size_t start,
                                   size_t length, size_t tag_start)
{
    if (parse->depth == TEMPLATE_DEPTH) {
        return parse_fail(parse, tag_start, "sections are nested more than %d deep",
                          TEMPLATE_DEPTH);
    }
    enum ct_status status = check_name(parse, start, length);
    if (status == CT_OK) {
        parse->open[parse->depth++] = parse->template->count;
        status = add_token(parse, kind, start, length);
    }
    return status;
}

static enum ct_status close_section(struct parse *parse, size_t start, size_t length,
                                    size_t tag_start)
{
    const char *text = parse->template->text;
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)(length < 100 ? length : 100), text + start);
    if (parse->depth == 0) {
        return parse_fail(parse, tag_start, "{{/%s}} closes no open section", name);
    }
    struct token *section = &parse->template->tokens[parse->open[parse->depth - 1]];
    if (section->length != length || memcmp(text + section->start, text + start, length) != 0) {
        return parse_fail(parse, tag_start, "{{/%s}} does not close the section open here", name);
    }
    section->end = parse->template->count;
    parse->depth--;
    return CT_OK;
}

/* Reads the tag whose "{{" is at tag_start, and the text before it (from *pos). */
static enum ct_status parse_tag(struct parse *parse, size_t *pos, size_t tag_start)
{
    const char *text = parse->template->text;
    const char *close = strstr(text + tag_start + 2, "}}");
    if (close == NULL) {
        return parse_fail(parse, tag_start, "a tag opened with {{ is not closed with }}");
    }
    size_t inner = tag_start + 2;
    size_t inner_end = (size_t)(close - text);
    while (inner < inner_end && blank(text[inner])) {
        inner++;
    }
    char sigil = inner < inner_end && strchr("#^/!", text[inner]) != NULL ? text[inner] : '\0';
    size_t name = sigil != '\0' ? inner + 1 : inner;
    while (name < inner_end && blank(text[name])) {
        name++;
    }
    size_t name_end = inner_end;
    while (name_end > name && blank(text[name_end - 1])) {
        name_end--;
    }
    size_t text_end = tag_start;
    size_t tag_end = inner_end + 2;
    if (sigil != '\0') {
        take_line(text, *pos, tag_start, &text_end, &tag_end);
    }
    enum ct_status status =
        text_end > *pos ? add_token(parse, TOKEN_TEXT, *pos, text_end - *pos) : CT_OK;
    size_t length = name_end - name;
    if (status == CT_OK && sigil == '\0') {
        status = check_name(parse, name, length);
        if (status == CT_OK) {
            status = add_token(parse, TOKEN_FIELD, name, length);
        }
    } else if (status == CT_OK && (sigil == '#' || sigil == '^')) {
        enum token_kind kind = sigil == '#' ? TOKEN_SECTION : TOKEN_INVERTED;
        status = open_section(parse, kind, name, length, tag_start);
    } else if (status == CT_OK && sigil == '/') {
        status = close_section(parse, name, length, tag_start);
    }
    *pos = tag_end;
    return status;
}

static enum ct_status parse_all(struct parse *parse)
{
    const char *text = parse->template->text;
    size_t length = strlen(text);
    size_t pos = 0;
    enum ct_status status = CT_OK;
    while (pos < length && status == CT_OK) {
        const char *open = strstr(text + pos, "{{");
        if (open == NULL) {
            status = add_token(parse, TOKEN_TEXT, pos, length - pos);
            break;
        }
        status = parse_tag(parse, &pos, (size_t)(open - text));
    }
    if (status == CT_OK && parse->depth > 0) {
        const struct token *section = &parse->template->tokens[parse->open[parse->depth - 1]];
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(section->length < 100 ? section->length : 100),
                 text + section->start);
        return parse_fail(parse, section->start, "the section {{#%s}} is not closed", name);
    }
    return status;
}

enum ct_status text_template_parse(const char *name, const char *text, int first_line,
                                   const char *const *fields, struct text_template **out,
                                   struct ct_err *err)
{
    *out = NULL;
    struct text_template *template = calloc(1, sizeof *template);
    char *copy = strdup(text);
    if (template == NULL || copy == NULL) {
        free(template);
        free(copy);
        return ct_err_nomem(err);
    }
    template->text = copy;
    struct parse parse = {
        .name = name,
        .first_line = first_line,
        .fields = fields,
        .template = template,
        .err = err,
    };
    enum ct_status status = parse_all(&parse);
    if (status != CT_OK) {
        text_template_free(template);
        return status;
    }
    *out = template;
    return CT_OK;
}

void text_template_free(struct text_template *template)
{
    if (template == NULL) {
        return;
    }
    free(template->text);
    free(template->tokens);
    free(template);
}

struct template_data *template_data_new(void)
{
    return calloc(1, sizeof(struct template_data));
}

void template_data_free(struct template_data *data)
{
    if (data == NULL) {
        return;
    }
    struct template_entry *entry = data->entries;
    while (entry != NULL) {
        struct template_entry *next = entry->next;
        for (size_t i = 0; i < entry->item_count; i++) {
            template_data_free(entry->items[i]);
        }
        free(entry->items);
        free(entry->name);
        free(entry->value);
        free(entry);
        entry = next;
    }
    free(data);
}

static struct template_entry *find_entry(const struct template_data *data, const char *name,
                                         size_t length)
{
    for (struct template_entry *entry = data->entries; entry != NULL; entry = entry->next) {
        if (strlen(entry->name) == length && memcmp(entry->name, name, length) == 0) {
            return entry;
        }
    }
    return NULL;
}

/* The entry called name, made (empty) when there is none; NULL when out of memory. */
static struct template_entry *entry_for(struct template_data *data, const char *name)
{
    struct template_entry *entry = find_entry(data, name, strlen(name));
    if (entry != NULL) {
        return entry;
    }
    entry = calloc(1, sizeof *entry);
    if (entry == NULL || (entry->name = strdup(name)) == NULL) {
        free(entry);
        return NULL;
    }
    entry->next = data->entries;
    data->entries = entry;
    return entry;
}

enum ct_status template_data_set(struct template_data *data, const char *name, const char *value)
{
    struct template_entry *entry = entry_for(data, name);
    char *copy = strdup(value != NULL ? value : "");
    if (entry == NULL || copy == NULL) {
        free(copy);
        return CT_ERR_NOMEM;
    }
    free(entry->value);
    entry->value = copy;
    return CT_OK;
}

enum ct_status template_data_setf(struct template_data *data, const char *name, const char *format,
                                  ...)
{
    char value[1024];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(value, sizeof value, format, args);
    va_end(args);
    if (length < 0 || (size_t)length >= sizeof value) {
        return CT_ERR_TOO_LARGE;
    }
    return template_data_set(data, name, value);
}

struct template_data *template_data_add_item(struct template_data *data, const char *name)
{
    struct template_entry *entry = entry_for(data, name);
    if (entry == NULL) {
        return NULL;
    }
    if (entry->item_count == entry->item_capacity) {
        size_t capacity = entry->item_capacity == 0 ? 8 : entry->item_capacity * 2;
        struct template_data **grown = realloc(entry->items, capacity * sizeof *grown);
        if (grown == NULL) {
            return NULL;
        }
        entry->items = grown;
        entry->item_capacity = capacity;
    }
    struct template_data *item = template_data_new();
    if (item != NULL) {
        entry->items[entry->item_count++] = item;
    }
    return item;
}

/* The scopes a name is looked up in, the innermost last. */
struct scopes {
    const struct template_data *data[TEMPLATE_DEPTH + 1];
    size_t depth;
};

static const struct template_entry *
lookup(const struct scopes *scopes, const struct text_template *template, const struct token *token)
{
    for (size_t i = scopes->depth; i > 0; i--) {
        const struct template_entry *entry =
            find_entry(scopes->data[i - 1], template->text + token->start, token->length);
        if (entry != NULL) {
            return entry;
        }
    }
    return NULL;
}

static bool entry_empty(const struct template_entry *entry)
{
    return entry == NULL ||
           (entry->item_count == 0 && (entry->value == NULL || entry->value[0] == '\0'));
}

static enum ct_status render_range(const struct text_template *template, size_t begin, size_t end,
                                   struct scopes *scopes, struct buf *out);

static enum ct_status render_section(const struct text_template *template, size_t index,
                                     struct scopes *scopes, struct buf *out)
{
    const struct token *token = &template->tokens[index];
    const struct template_entry *entry = lookup(scopes, template, token);
    if (token->kind == TOKEN_INVERTED) {
        return entry_empty(entry) ? render_range(template, index + 1, token->end, scopes, out)
                                  : CT_OK;
    }
    if (entry_empty(entry)) {
        return CT_OK;
    }
    if (entry->item_count == 0) {
        return render_range(template, index + 1, token->end, scopes, out);
    }
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < entry->item_count && status == CT_OK; i++) {
        scopes->data[scopes->depth++] = entry->items[i];
        status = render_range(template, index + 1, token->end, scopes, out);
        scopes->depth--;
    }
    return status;
}

static enum ct_status render_range(const struct text_template *template, size_t begin, size_t end,
                                   struct scopes *scopes, struct buf *out)
{
    enum ct_status status = CT_OK;
    for (size_t i = begin; i < end && status == CT_OK;) {
        const struct token *token = &template->tokens[i];
        if (token->kind == TOKEN_TEXT) {
            status = buf_append(out, template->text + token->start, token->length);
        } else if (token->kind == TOKEN_FIELD) {
            const struct template_entry *entry = lookup(scopes, template, token);
            if (entry != NULL && entry->value != NULL) {
                status = buf_append_str(out, entry->value);
            }
        } else {
            status = render_section(template, i, scopes, out);
            i = token->end;
            continue;
        }
        i++;
    }
    return status;
}

enum ct_status text_template_render(const struct text_template *template,
                                    const struct template_data *data, struct buf *out)
{
    struct scopes scopes = {.data = {data}, .depth = data != NULL ? 1 : 0};
    return render_range(template, 0, template->count, &scopes, out);
}
