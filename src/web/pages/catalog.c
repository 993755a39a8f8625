#include "catalog.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_activities.h"
#include "../html/form.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* ---- the list ---- */

static const struct paging_column columns[] = {
    {"title", "Title", "LOWER(e.title)", false},
    {"kind", "Kind", "e.kind", false},
    {"category", "Category", "e.category", false},
    {"credits", "Credits", "e.credit_halves", true},
    {NULL, "LMS courses", NULL, false},
    {"lms", "LMS verifies", "e.lms_verifies", false},
    {"date", "Date", "e.starts", false},
};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], 6, true, "e.id", 25, "events"};

/* The name of a category id, from the first program that has it; the id when none. */
static const char *category_name(const struct program_set *programs, const char *id)
{
    for (size_t i = 0; id != NULL && i < programs->count; i++) {
        int index = program_category_index(programs->programs[i], id);
        if (index >= 0) {
            return programs->programs[i]->categories[index].name;
        }
    }
    return id;
}

static bool is_web_address(const char *url)
{
    return strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
}

/* Opens one mapped address's item: a link to it when it is a web address. */
static enum ct_status link_item_open(struct buf *out, const char *url, struct ct_err *err)
{
    (void)err;
    bool link = is_web_address(url);
    enum ct_status status =
        link ? html_buf_markup(out, "<li><a href=\"") : html_buf_markup(out, "<li>");
    if (status == CT_OK && link) {
        status = html_buf_text(out, url);
    }
    if (status == CT_OK && link) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, url);
    }
    if (status == CT_OK && link) {
        status = html_buf_markup(out, "</a>");
    }
    return status;
}

/* One mapping row: a new address starts an item (the whole course, or its parts, every
 * one needed); a further named activity of the same address is one more part. */
static enum ct_status link_row(struct buf *out, const char *url, const char *activity,
                               const char *previous_url, bool previous_part, struct ct_err *err)
{
    bool same = previous_url[0] != '\0' && strcmp(previous_url, url) == 0;
    bool part = activity != NULL && activity[0] != '\0';
    enum ct_status status = CT_OK;
    if (!same && previous_url[0] != '\0') {
        status = previous_part ? html_buf_markup(out, ")</li>") : html_buf_markup(out, "</li>");
    }
    if (status == CT_OK && !same) {
        status = link_item_open(out, url, err);
    }
    if (status == CT_OK) {
        status = !part  ? html_buf_markup(out, " (the whole course)")
                 : same ? html_buf_markup(out, "; ")
                        : html_buf_markup(out, " (complete when every part is: ");
    }
    if (status == CT_OK && part) {
        status = html_buf_text(out, activity);
    }
    return status;
}

/* The event's LMS mappings, an address a line: a whole course, or the parts of one
 * (every one needed); several addresses are alternatives, any one proving it. */
static enum ct_status links_cell(struct buf *out, struct db_stmt *links, int64_t event_id,
                                 struct ct_err *err)
{
    db_reset(links);
    enum ct_status status = db_bind_all(links, STORE_PARAMS(DB_INT(event_id)), 1, err);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<td>");
    }
    char previous[2048] = "", previous_activity[8] = "";
    int addresses = 0;
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(links, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *url = db_column_text(links, 0) != NULL ? db_column_text(links, 0) : "";
        const char *activity = db_column_text(links, 1);
        if (addresses == 0) {
            status = html_buf_markup(out, "<ul class=\"usa-list usa-list--unstyled\">");
        }
        if (status == CT_OK) {
            status = link_row(out, url, activity, previous, previous_activity[0] != '\0', err);
        }
        addresses += previous[0] == '\0' || strcmp(previous, url) != 0;
        snprintf(previous_activity, sizeof previous_activity, "%s",
                 activity != NULL && activity[0] != '\0' ? "part" : "");
        snprintf(previous, sizeof previous, "%s", url);
    }
    if (status == CT_OK && addresses > 0) {
        status = previous_activity[0] != '\0' ? html_buf_markup(out, ")</li></ul>")
                                              : html_buf_markup(out, "</li></ul>");
    }
    if (status == CT_OK && addresses > 1) {
        status = html_buf_markup(out, "<p class=\"margin-0\">Any one of these proves it.</p>");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</td>");
    }
    return status;
}

static enum ct_status event_row(struct web_request *request, struct buf *out, struct db_stmt *row,
                                struct db_stmt *links, struct ct_err *err)
{
    char credits[CREDIT_TEXT_SIZE], dates[2 * CIVIL_DATE_TEXT_SIZE + 8];
    credit_format(db_column_int64(row, 4), credits);
    const char *starts = db_column_text(row, 6);
    const char *ends = db_column_text(row, 7);
    bool one_day = starts == NULL || ends == NULL || strcmp(starts, ends) == 0;
    snprintf(dates, sizeof dates, one_day ? "%s" : "%s to %s", starts != NULL ? starts : "",
             ends != NULL ? ends : "");
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(row, 1), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(row, 2), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, category_name(request->store->programs, db_column_text(row, 3)),
                             false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, credits, true);
    }
    if (status == CT_OK) {
        status = links_cell(out, links, db_column_int64(row, 0), err);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_int64(row, 5) != 0 ? "Yes" : "No", false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, dates, false);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status event_rows(struct web_request *request, struct buf *out,
                                 const struct paging *paging, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 1024);
    enum ct_status status =
        buf_append_str(&sql, "SELECT e.id, e.title, e.kind, e.category, e.credit_halves,"
                             " e.lms_verifies, e.starts, e.ends FROM events e");
    if (status == CT_OK) {
        status = paging_order_sql(&sql, paging);
    }
    struct db_stmt *rows = NULL, *links = NULL;
    if (status == CT_OK) {
        status = db_prepare(request->store->db, buf_str(&sql), &rows, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = paging_bind(rows, 1, paging, err);
    }
    if (status == CT_OK) {
        status = db_prepare(request->store->db,
                            "SELECT url, activity_name FROM event_lms_links WHERE event_id = ?"
                            " ORDER BY url, activity_name",
                            &links, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(rows, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = event_row(request, out, rows, links, err);
    }
    db_finalize(links);
    db_finalize(rows);
    return status;
}

/* "Added ... to the catalog." when ?added= names an event. */
static enum ct_status added_notice(struct web_request *request, struct buf *out, struct ct_err *err)
{
    const char *added = web_query_value(request, "added");
    char *end = NULL;
    long long id = added != NULL ? strtoll(added, &end, 10) : 0;
    if (id <= 0 || end == NULL || *end != '\0') {
        return CT_OK;
    }
    char title[512], message[600];
    bool found = false;
    enum ct_status status =
        store_query_text(request->store, "SELECT title FROM events WHERE id = ?",
                         STORE_PARAMS(DB_INT(id)), 1, title, sizeof title, &found, err);
    if (status != CT_OK || !found) {
        return status;
    }
    snprintf(message, sizeof message, "Added \u201c%s\u201d to the catalog.", title);
    return form_alert(out, FORM_ALERT_SUCCESS, message);
}

enum ct_status page_catalog(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    struct paging paging;
    paging_from_request(&paging, &list, request);
    struct ct_err err = {0};
    int64_t total = 0;
    enum ct_status status =
        store_exec(request->store, "SELECT COUNT(*) FROM events", NULL, 0, &total, &err);
    paging_set_total(&paging, total);
    if (status == CT_OK) {
        status = page_begin(request, response, "Event catalog");
    }
    if (status == CT_OK) {
        status = added_notice(request, out, &err);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<p><a class=\"usa-button\" href=\"/catalog/new\">Add an event"
                                 "</a></p>\n<div class=\"usa-table-container--scrollable\""
                                 " tabindex=\"0\"><table class=\"usa-table"
                                 " usa-table--borderless\">\n<caption>Catalog events</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = event_rows(request, out, &paging, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table></div>\n");
    }
    if (status == CT_OK) {
        status = paging_nav(out, &paging);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

/* ---- the form ---- */

enum field_id {
    FIELD_TITLE,
    FIELD_KIND,
    FIELD_STARTS,
    FIELD_ENDS,
    FIELD_SPONSOR,
    FIELD_CREDITS,
    FIELD_CATEGORY,
    FIELD_URLS,
    FIELD_ACTIVITY_NAMES,
    FIELD_LMS_VERIFIES,
    FIELD_COUNT
};

struct field_spec {
    const char *id;
    const char *label;
    const char *hint;
    enum form_control control;
    const char *type;
    bool required;
};

static const struct field_spec specs[FIELD_COUNT] = {
    [FIELD_TITLE] = {"title", "Title", "As the sponsor names it.", FORM_INPUT, "text", true},
    [FIELD_KIND] = {"kind", "Kind", NULL, FORM_SELECT, NULL, true},
    [FIELD_STARTS] = {"starts", "Date", "The first day, as YYYY-MM-DD.", FORM_INPUT, "date", true},
    [FIELD_ENDS] = {"ends", "Last day", "For an event of several days; empty for one day.",
                    FORM_INPUT, "date", false},
    [FIELD_SPONSOR] = {"sponsor", "Sponsor", "Who offers it.", FORM_INPUT, "text", true},
    [FIELD_CREDITS] = {"credits", "Credits", "A multiple of 0.5: 0.5, 1, 1.5 ...", FORM_INPUT,
                       "text", true},
    [FIELD_CATEGORY] = {"category", "Category", NULL, FORM_SELECT, NULL, true},
    [FIELD_URLS] = {"urls", "LMS course URLs",
                    "One address a line, e.g. https://learn.example.org/course/view.php?id=12."
                    " Empty for an event not taught in the LMS.",
                    FORM_TEXTAREA, NULL, false},
    [FIELD_ACTIVITY_NAMES] = {"activity_names", "LMS activity names",
                              "Optional, line by line with the course URLs: the activity of that"
                              " course whose completion counts. An empty line means the whole"
                              " course.",
                              FORM_TEXTAREA, NULL, false},
    [FIELD_LMS_VERIFIES] = {"lms_verifies", "LMS completion is proof enough",
                            "A completion harvested from the LMS then counts without the"
                            " supervisor's verification.",
                            FORM_CHECKBOX, NULL, false},
};

enum { MAX_CATEGORIES = 32, MAX_LINKS = 32 };

struct catalog_form {
    const char *errors[FIELD_COUNT];
    char store_message[600]; /* a refusal of the store, shown next to its field */
    size_t error_count;
};

static void refuse(struct catalog_form *form, enum field_id field, const char *message)
{
    if (form->errors[field] == NULL) {
        form->errors[field] = message;
        form->error_count++;
    }
}

static size_t kind_options(struct form_option *options)
{
    size_t count = 0;
    for (int k = 0; k < ACTIVITY_KIND_COUNT; k++) {
        if (activity_kind_has_credit_value((enum activity_kind)k)) {
            const char *name = activity_kind_name((enum activity_kind)k);
            options[count++] = (struct form_option){name, name};
        }
    }
    return count;
}

/* Every category any program knows, once, in the programs' order. */
static size_t category_options(const struct program_set *programs, struct form_option *options)
{
    size_t count = 0;
    for (size_t p = 0; p < programs->count; p++) {
        const struct program *program = programs->programs[p];
        for (size_t c = 0; c < program->category_count && count < MAX_CATEGORIES; c++) {
            bool seen = false;
            for (size_t i = 0; i < count; i++) {
                seen |= strcmp(options[i].value, program->categories[c].id) == 0;
            }
            if (!seen) {
                options[count++] =
                    (struct form_option){program->categories[c].id, program->categories[c].name};
            }
        }
    }
    return count;
}

static enum ct_status form_page(struct web_request *request, struct web_response *response,
                                const struct catalog_form *form)
{
    struct buf *out = &response->body;
    struct form_option kinds[ACTIVITY_KIND_COUNT], categories[MAX_CATEGORIES];
    size_t kind_count = kind_options(kinds);
    size_t category_count = category_options(request->store->programs, categories);
    enum ct_status status = page_begin(request, response, "Add an event to the catalog");
    if (status == CT_OK && form->error_count > 0) {
        status = form_alert(out, FORM_ALERT_ERROR,
                            form->error_count == 1 ? "The event was not added: fix the field"
                                                     " marked below."
                                                   : "The event was not added: fix the fields"
                                                     " marked below.");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<form class=\"usa-form usa-form--large\" method=\"post\""
                                      " action=\"/catalog/new\">\n");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    for (int i = 0; i < FIELD_COUNT && status == CT_OK; i++) {
        const struct field_spec *spec = &specs[i];
        const char *value = web_form_value(request, spec->id);
        if (value == NULL && i == FIELD_SPONSOR && strcmp(request->method, "GET") == 0) {
            value = "Montana State Library";
        }
        struct form_field field = {.id = spec->id,
                                   .label = spec->label,
                                   .hint = spec->hint,
                                   .error = form->errors[i],
                                   .control = spec->control,
                                   .type = spec->type,
                                   .value = value,
                                   .options = i == FIELD_KIND ? kinds : categories,
                                   .option_count = i == FIELD_KIND ? kind_count : category_count,
                                   .required = spec->required};
        status = form_field_write(out, &field);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Add the event"
                                 "</button>\n</form>\n<p><a href=\"/catalog\">Back to the catalog"
                                 "</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_catalog_new(struct web_request *request, struct web_response *response)
{
    struct catalog_form form = {0};
    return form_page(request, response, &form);
}

static const char *value_of(const struct web_request *request, enum field_id field)
{
    const char *value = web_form_value(request, specs[field].id);
    return value != NULL && value[0] != '\0' ? value : NULL;
}

/* Splits text (changed in place) into lines without their "\r"; *count gets the number
 * of lines up to the last one with text. False when there are more than max. */
static bool split_lines(char *text, char **lines, size_t max, size_t *count)
{
    *count = 0;
    size_t used = 0;
    for (char *line = text; line != NULL;) {
        char *next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = '\0';
        }
        size_t length = strlen(line);
        while (length > 0 && isspace((unsigned char)line[length - 1])) {
            line[--length] = '\0';
        }
        while (isspace((unsigned char)*line)) {
            line++;
        }
        if (used == max && line[0] != '\0') {
            return false;
        }
        if (used < max) {
            lines[used++] = line;
            *count = line[0] != '\0' ? used : *count;
        }
        line = next;
    }
    return true;
}

struct typed_links {
    char *urls_text; /* owned copies, split into lines */
    char *names_text;
    char *urls[MAX_LINKS];
    char *names[MAX_LINKS];
    size_t url_count;
    size_t name_count;
    struct event_link links[MAX_LINKS];
    size_t link_count;
};

static void typed_links_release(struct typed_links *typed)
{
    free(typed->urls_text);
    free(typed->names_text);
}

static enum ct_status read_links(const struct web_request *request, struct typed_links *typed,
                                 struct catalog_form *form)
{
    const char *urls = value_of(request, FIELD_URLS);
    const char *names = value_of(request, FIELD_ACTIVITY_NAMES);
    typed->urls_text = strdup(urls != NULL ? urls : "");
    typed->names_text = strdup(names != NULL ? names : "");
    if (typed->urls_text == NULL || typed->names_text == NULL) {
        return CT_ERR_NOMEM;
    }
    if (!split_lines(typed->urls_text, typed->urls, MAX_LINKS, &typed->url_count)) {
        refuse(form, FIELD_URLS, "Give at most 32 course URLs.");
    }
    if (!split_lines(typed->names_text, typed->names, MAX_LINKS, &typed->name_count)) {
        refuse(form, FIELD_ACTIVITY_NAMES, "Give at most 32 activity names.");
    }
    for (size_t i = 0; i < typed->url_count || i < typed->name_count; i++) {
        const char *url = i < typed->url_count ? typed->urls[i] : "";
        const char *name = i < typed->name_count ? typed->names[i] : "";
        if (url[0] == '\0' && name[0] != '\0') {
            refuse(form, FIELD_ACTIVITY_NAMES,
                   "Each activity name goes on the line of its course URL: one has no URL.");
        }
        if (url[0] != '\0') {
            typed->links[typed->link_count++] = (struct event_link){url, name};
        }
    }
    if (value_of(request, FIELD_LMS_VERIFIES) != NULL && typed->link_count == 0) {
        refuse(form, FIELD_LMS_VERIFIES,
               "Give the event's LMS course URL: only a course in the LMS can prove a"
               " completion.");
    }
    return CT_OK;
}

static void read_dates(const struct web_request *request, struct event_new *event,
                       struct catalog_form *form)
{
    const char *starts = value_of(request, FIELD_STARTS);
    const char *ends = value_of(request, FIELD_ENDS);
    if (starts == NULL || !civil_date_parse(starts, &event->starts)) {
        refuse(form, FIELD_STARTS, "Enter the first day as YYYY-MM-DD.");
        return;
    }
    event->ends = event->starts;
    if (ends != NULL && !civil_date_parse(ends, &event->ends)) {
        refuse(form, FIELD_ENDS, "Enter the last day as YYYY-MM-DD, or leave it empty.");
    } else if (civil_date_compare(event->starts, event->ends) > 0) {
        refuse(form, FIELD_ENDS, "The last day cannot be before the first.");
    }
}

static void read_event(const struct web_request *request, struct event_new *event,
                       struct catalog_form *form)
{
    event->title = value_of(request, FIELD_TITLE);
    if (event->title == NULL) {
        refuse(form, FIELD_TITLE, "Enter the event's title.");
    }
    const char *kind = value_of(request, FIELD_KIND);
    if (kind == NULL || !activity_kind_from_name(kind, &event->kind) ||
        !activity_kind_has_credit_value(event->kind)) {
        refuse(form, FIELD_KIND, "Choose the kind of event.");
    }
    read_dates(request, event, form);
    event->sponsor = value_of(request, FIELD_SPONSOR);
    if (event->sponsor == NULL) {
        refuse(form, FIELD_SPONSOR, "Enter who offers the event.");
    }
    const char *credits = value_of(request, FIELD_CREDITS);
    char *end = NULL;
    double number = credits != NULL ? strtod(credits, &end) : 0;
    if (credits == NULL || *end != '\0' ||
        credit_halves_from_number(number, &event->credit_halves) != CREDIT_PARSE_OK) {
        refuse(form, FIELD_CREDITS, "Enter the credits as a multiple of 0.5, like 1 or 2.5.");
    }
    event->category = value_of(request, FIELD_CATEGORY);
    struct form_option options[MAX_CATEGORIES];
    size_t count = category_options(request->store->programs, options);
    bool known = false;
    for (size_t i = 0; event->category != NULL && i < count; i++) {
        known |= strcmp(options[i].value, event->category) == 0;
    }
    if (!known) {
        refuse(form, FIELD_CATEGORY, "Choose the category the credits count in.");
    }
}

/* The field a refusal of the store names; FIELD_COUNT when it names none of them. */
static enum field_id field_of(const char *where)
{
    static const struct {
        const char *where;
        enum field_id field;
    } fields[] = {{"title", FIELD_TITLE},
                  {"sponsor", FIELD_SPONSOR},
                  {"credits", FIELD_CREDITS},
                  {"category", FIELD_CATEGORY},
                  {"ends", FIELD_ENDS},
                  {"url", FIELD_URLS},
                  {"lms_verifies", FIELD_LMS_VERIFIES}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(fields[i].where, where) == 0) {
            return fields[i].field;
        }
    }
    return FIELD_COUNT;
}

/* Adds the event the request's fields describe; the refused fields go into form (a
 * refusal of the store next to the field it names, or the title's). CT_ERR_INPUT when
 * anything is refused. */
static enum ct_status read_and_add(struct web_request *request, struct catalog_form *form,
                                   int64_t *id)
{
    struct catalog_event_new event = {.lms_verifies =
                                          value_of(request, FIELD_LMS_VERIFIES) != NULL};
    read_event(request, &event.event, form);
    struct typed_links typed = {0};
    enum ct_status status = read_links(request, &typed, form);
    struct ct_err err = {0};
    if (status == CT_OK && form->error_count == 0) {
        event.links = typed.links;
        event.link_count = typed.link_count;
        status = store_catalog_event_add(request->store, request->person_id, &event, id, &err);
    }
    typed_links_release(&typed);
    if (status == CT_ERR_INPUT) {
        /* A sentence, next to its field (the title field when the store names another). */
        snprintf(form->store_message, sizeof form->store_message, "%s", err.message);
        form->store_message[0] = (char)toupper((unsigned char)form->store_message[0]);
        enum field_id field = field_of(err.where);
        refuse(form, field != FIELD_COUNT ? field : FIELD_TITLE, form->store_message);
    }
    return status == CT_OK && form->error_count > 0 ? CT_ERR_INPUT : status;
}

enum ct_status catalog_event_add(struct web_request *request, int64_t *id, struct ct_err *err)
{
    struct catalog_form form = {0};
    enum ct_status status = read_and_add(request, &form, id);
    for (int i = 0; i < FIELD_COUNT && status == CT_ERR_INPUT; i++) {
        if (form.errors[i] != NULL) {
            return ct_err_set(err, CT_ERR_INPUT, specs[i].id, "%s", form.errors[i]);
        }
    }
    return status;
}

enum ct_status page_catalog_new_submit(struct web_request *request, struct web_response *response)
{
    struct catalog_form form = {0};
    int64_t id = 0;
    enum ct_status status = read_and_add(request, &form, &id);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return form_page(request, response, &form);
    }
    if (status == CT_OK) {
        char location[64];
        snprintf(location, sizeof location, "/catalog?added=%" PRId64, id);
        web_redirect(response, location);
    }
    return status;
}
