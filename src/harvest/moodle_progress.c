#include "moodle_progress.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "../core/buf.h"
#include "../core/timestamp.h"
#include "../core/banned.h"

enum { CHUNK_SIZE = 64 * 1024 };

static const char not_a_report[] = "not a Moodle activity completion report";

const char *moodle_progress_encoding_name(enum moodle_encoding encoding)
{
    switch (encoding) {
    case MOODLE_UTF8_BOM:
        return "UTF-8 with BOM";
    case MOODLE_UTF16LE:
        return "UTF-16LE";
    case MOODLE_UTF8:
    default:
        return "UTF-8";
    }
}

/* ---- states ---- */

/* True when text is prefix followed by " (set by NAME)" with a non-empty NAME. */
static bool is_set_by(const char *text, const char *prefix)
{
    size_t prefix_length = strlen(prefix);
    static const char set_by[] = " (set by ";
    if (strncmp(text, prefix, prefix_length) != 0 ||
        strncmp(text + prefix_length, set_by, sizeof set_by - 1) != 0) {
        return false;
    }
    const char *name = text + prefix_length + sizeof set_by - 1;
    size_t length = strlen(name);
    return length >= 2 && name[length - 1] == ')';
}

enum moodle_completion_state moodle_progress_state(const char *text)
{
    if (strcmp(text, "Completed") == 0 || strcmp(text, "Completed (achieved pass grade)") == 0 ||
        is_set_by(text, "Completed")) {
        return MOODLE_COMPLETED;
    }
    if (strcmp(text, "Completed (did not achieve pass grade)") == 0) {
        return MOODLE_COMPLETED_FAILED;
    }
    if (strcmp(text, "Not completed") == 0) {
        return MOODLE_NOT_COMPLETED;
    }
    if (is_set_by(text, "Not completed")) {
        return MOODLE_NOT_COMPLETED_SET_BY;
    }
    return MOODLE_STATE_UNKNOWN;
}

/* ---- the reader's state ---- */

struct reader {
    const struct moodle_progress_handler *handler;
    struct ct_err *err;
    enum ct_status status; /* the first failure; callbacks do nothing once it is set */
    enum moodle_encoding encoding;

    /* The row being read: its fields, NUL-terminated one after another in text. */
    struct buf text;
    size_t *field_offsets; /* MOODLE_PROGRESS_MAX_COLUMNS of them */
    size_t field_count;
    bool too_many_fields;
    bool bad_text;
    int64_t line;     /* the line the next row starts on */
    int64_t row_line; /* the line the current row started on */
    int64_t newlines_in_fields;
    int last_terminator;

    /* The header, once read. */
    bool header_read;
    size_t column_count;
    size_t identity_count;
    size_t email_column;
    size_t activity_count;
    struct moodle_activity_cell *cells;
};

static const char *field(const struct reader *r, size_t index)
{
    return r->text.data != NULL ? r->text.data + r->field_offsets[index] : "";
}

/* Refuses the whole file: not a report, and why. */
static void refuse(struct reader *r, const char *why)
{
    if (r->status == CT_OK) {
        r->status = ct_err_set(r->err, CT_ERR_INPUT, "file", "%s: %s", not_a_report, why);
    }
}

static void refuse_at_line(struct reader *r, const char *what)
{
    if (r->status == CT_OK) {
        r->status =
            ct_err_set(r->err, CT_ERR_INPUT, "file", "line %lld: %s", (long long)r->row_line, what);
    }
}

static void on_field(void *data, size_t length, void *context)
{
    struct reader *r = context;
    if (r->status != CT_OK) {
        return;
    }
    const char *bytes = data != NULL ? data : "";
    for (size_t i = 0; i < length; i++) {
        r->newlines_in_fields += bytes[i] == '\n';
    }
    if (r->field_count >= MOODLE_PROGRESS_MAX_COLUMNS) {
        r->too_many_fields = true;
        return;
    }
    if (memchr(bytes, '\0', length) != NULL || u8_check((const uint8_t *)bytes, length) != NULL) {
        r->bad_text = true;
    }
    r->field_offsets[r->field_count++] = r->text.length;
    enum ct_status status = buf_append(&r->text, bytes, length);
    if (status == CT_OK) {
        status = buf_append(&r->text, "", 1);
    }
    if (status == CT_ERR_TOO_LARGE) {
        refuse_at_line(r, "the line is longer than 1 MiB");
    } else if (status != CT_OK) {
        r->status = ct_err_nomem(r->err);
    }
}

/* ---- the header ---- */

static bool is_expected_date(const char *text)
{
    struct civil_date date;
    return text[0] == '\0' || timestamp_parse_local(text, &date);
}

/* Finds the identity columns and the activity pairs: pairs are counted from the end
 * while each is a name and an expected date (or empty). */
static void header_shape(struct reader *r)
{
    size_t count = r->field_count;
    size_t activities = 0;
    while (count >= 4) { /* a name column, an identity column, then the pair */
        const char *name = field(r, count - 2);
        const char *date = field(r, count - 1);
        if (name[0] == '\0' || !is_expected_date(date)) {
            break;
        }
        activities++;
        count -= 2;
    }
    r->identity_count = count - 1;
    r->activity_count = activities;
}

static bool is_email_heading(const char *text)
{
    return strcasecmp(text, "Email address") == 0;
}

static enum ct_status emit_header(struct reader *r)
{
    if (r->bad_text) {
        refuse(r, "the header is not UTF-8 or UTF-16 text");
        return r->status;
    }
    if (r->too_many_fields) {
        refuse(r, "the header has more than 4096 columns");
        return r->status;
    }
    if (field(r, 0)[0] != '\0') {
        char why[128];
        snprintf(why, sizeof why, "its header starts with \"%.60s\", not an empty cell",
                 field(r, 0));
        refuse(r, why);
        return r->status;
    }
    header_shape(r);
    bool email_found = false;
    for (size_t i = 1; i <= r->identity_count && !email_found; i++) {
        if (is_email_heading(field(r, i))) {
            r->email_column = i;
            email_found = true;
        }
    }
    if (!email_found) {
        refuse(r, "the header has no \"Email address\" column (the site must show e-mail"
                  " addresses in reports)");
        return r->status;
    }
    if (r->activity_count == 0) {
        refuse(r, "the header has no activity columns (a name, then its expected date)");
        return r->status;
    }
    r->column_count = r->field_count;
    r->cells = calloc(r->activity_count, sizeof *r->cells);
    const char **identity = calloc(r->identity_count, sizeof *identity);
    const char **activities = calloc(r->activity_count, sizeof *activities);
    if (r->cells == NULL || identity == NULL || activities == NULL) {
        free(identity);
        free(activities);
        return r->status = ct_err_nomem(r->err);
    }
    for (size_t i = 0; i < r->identity_count; i++) {
        identity[i] = field(r, 1 + i);
    }
    for (size_t i = 0; i < r->activity_count; i++) {
        activities[i] = field(r, 1 + r->identity_count + 2 * i);
    }
    struct moodle_progress_header header = {r->encoding,         r->identity_count, identity,
                                            r->email_column - 1, r->activity_count, activities};
    r->header_read = true;
    r->status = r->handler->header(r->handler->context, &header, r->err);
    free(identity);
    free(activities);
    return r->status;
}

/* ---- rows ---- */

static const char *trimmed(char *text)
{
    while (*text == ' ') {
        text++;
    }
    size_t length = strlen(text);
    while (length > 0 && text[length - 1] == ' ') {
        text[--length] = '\0';
    }
    return text;
}

static enum ct_status emit_row(struct reader *r)
{
    struct moodle_progress_row row = {.line = r->row_line, .activity_count = r->activity_count};
    if (r->bad_text) {
        row.problem = "the line is not valid UTF-8 text";
    } else if (r->too_many_fields || r->field_count != r->column_count) {
        row.problem = "the line does not have the header's number of columns";
    }
    if (row.problem == NULL) {
        row.full_name = field(r, 0);
        row.email = trimmed(r->text.data + r->field_offsets[r->email_column]);
        for (size_t i = 0; i < r->activity_count; i++) {
            struct moodle_activity_cell *cell = &r->cells[i];
            size_t column = 1 + r->identity_count + 2 * i;
            cell->state_text = field(r, column);
            cell->state = moodle_progress_state(cell->state_text);
            cell->date_text = field(r, column + 1);
            cell->date = civil_date_unset();
            cell->date_valid = timestamp_parse_local(cell->date_text, &cell->date);
        }
        row.activities = r->cells;
    }
    return r->handler->row(r->handler->context, &row, r->err);
}

static void row_reset(struct reader *r)
{
    r->text.length = 0;
    if (r->text.data != NULL) {
        r->text.data[0] = '\0';
    }
    r->field_count = 0;
    r->too_many_fields = false;
    r->bad_text = false;
    r->newlines_in_fields = 0;
}

static void on_row_end(int terminator, void *context)
{
    struct reader *r = context;
    if (r->status != CT_OK) {
        return;
    }
    if (r->field_count == 0) {
        /* A blank line, or the '\n' of a "\r\n". */
        if (!(terminator == '\n' && r->last_terminator == '\r') && terminator != -1) {
            r->line++;
        }
        r->last_terminator = terminator;
        r->row_line = r->line;
        return;
    }
    r->status = r->header_read ? emit_row(r) : emit_header(r);
    r->line += r->newlines_in_fields + (terminator == -1 ? 0 : 1);
    r->last_terminator = terminator;
    r->row_line = r->line;
    row_reset(r);
}

/* ---- bytes in: encodings ---- */

struct utf16_decoder {
    unsigned char odd_byte;
    bool has_odd_byte;
    uint32_t high_surrogate; /* 0 when none */
};

static size_t put_utf8(uint32_t code, unsigned char *out)
{
    if (code < 0x80) {
        out[0] = (unsigned char)code;
        return 1;
    }
    if (code < 0x800) {
        out[0] = (unsigned char)(0xC0 | code >> 6);
        out[1] = (unsigned char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = (unsigned char)(0xE0 | code >> 12);
        out[1] = (unsigned char)(0x80 | (code >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | code >> 18);
    out[1] = (unsigned char)(0x80 | (code >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (code >> 6 & 0x3F));
    out[3] = (unsigned char)(0x80 | (code & 0x3F));
    return 4;
}

/* Converts length bytes of UTF-16LE (any split) to UTF-8 in out, which has room for
 * 2 * length + 4 bytes; *written gets the bytes written. False on an unpaired
 * surrogate. */
static bool utf16_decode(struct utf16_decoder *d, const unsigned char *in, size_t length,
                         unsigned char *out, size_t *written)
{
    size_t at = 0, used = 0;
    while (at < length) {
        uint32_t unit;
        if (d->has_odd_byte) {
            unit = (uint32_t)d->odd_byte | (uint32_t)in[at] << 8;
            d->has_odd_byte = false;
            at++;
        } else if (at + 1 < length) {
            unit = (uint32_t)in[at] | (uint32_t)in[at + 1] << 8;
            at += 2;
        } else {
            d->odd_byte = in[at];
            d->has_odd_byte = true;
            break;
        }
        if (d->high_surrogate != 0) {
            if (unit < 0xDC00 || unit > 0xDFFF) {
                return false;
            }
            uint32_t code = 0x10000 + ((d->high_surrogate - 0xD800) << 10) + (unit - 0xDC00);
            d->high_surrogate = 0;
            used += put_utf8(code, out + used);
        } else if (unit >= 0xD800 && unit <= 0xDBFF) {
            d->high_surrogate = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return false;
        } else {
            used += put_utf8(unit, out + used);
        }
    }
    *written = used;
    return true;
}

struct feeder {
    struct csv_parser parser;
    struct utf16_decoder utf16;
    unsigned char *decoded; /* 2 * CHUNK_SIZE + 4 bytes, for UTF-16 */
};

static int never_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void feed(struct feeder *f, struct reader *r, const unsigned char *bytes, size_t length)
{
    if (r->status != CT_OK || length == 0) {
        return;
    }
    if (r->encoding == MOODLE_UTF16LE) {
        size_t written = 0;
        if (!utf16_decode(&f->utf16, bytes, length, f->decoded, &written)) {
            refuse_at_line(r, "the text is not valid UTF-16");
            return;
        }
        bytes = f->decoded;
        length = written;
    }
    if (csv_parse(&f->parser, bytes, length, on_field, on_row_end, r) != length &&
        r->status == CT_OK) {
        r->status = ct_err_nomem(r->err);
    }
    /* libcsv gathers a field before handing it over: bound that too. */
    if (r->status == CT_OK &&
        f->parser.entry_pos + r->text.length > MOODLE_PROGRESS_MAX_ROW_BYTES) {
        refuse_at_line(r, "the line is longer than 1 MiB");
    }
}

/* Reads the first bytes (up to 3, fewer only at the end) and settles the encoding;
 * *skip gets the length of the byte-order mark. */
static enum ct_status read_start(const struct moodle_progress_source *source, unsigned char *buffer,
                                 size_t *filled, struct reader *r, size_t *skip)
{
    *filled = 0;
    for (;;) {
        size_t got = 0;
        enum ct_status status =
            source->read(source->context, buffer + *filled, CHUNK_SIZE - *filled, &got, r->err);
        if (status != CT_OK) {
            return status;
        }
        *filled += got;
        if (got == 0 || *filled >= 3) {
            break;
        }
    }
    *skip = 0;
    r->encoding = MOODLE_UTF8;
    if (*filled >= 3 && memcmp(buffer, "\xEF\xBB\xBF", 3) == 0) {
        r->encoding = MOODLE_UTF8_BOM;
        *skip = 3;
    } else if (*filled >= 2 && buffer[0] == 0xFF && buffer[1] == 0xFE) {
        r->encoding = MOODLE_UTF16LE;
        *skip = 2;
    }
    return CT_OK;
}

static enum ct_status read_all(const struct moodle_progress_source *source, struct feeder *f,
                               struct reader *r, unsigned char *buffer)
{
    size_t filled = 0, skip = 0;
    enum ct_status status = read_start(source, buffer, &filled, r, &skip);
    if (status != CT_OK) {
        return status;
    }
    if (filled == 0) {
        refuse(r, "the file is empty");
        return r->status;
    }
    if (r->encoding == MOODLE_UTF16LE) {
        csv_set_delim(&f->parser, '\t');
    }
    feed(f, r, buffer + skip, filled - skip);
    while (r->status == CT_OK) {
        size_t got = 0;
        status = source->read(source->context, buffer, CHUNK_SIZE, &got, r->err);
        if (status != CT_OK) {
            return status;
        }
        if (got == 0) {
            break;
        }
        feed(f, r, buffer, got);
    }
    if (r->status == CT_OK && r->encoding == MOODLE_UTF16LE &&
        (f->utf16.has_odd_byte || f->utf16.high_surrogate != 0)) {
        refuse_at_line(r, "the text ends inside a UTF-16 character");
    }
    if (r->status == CT_OK) {
        (void)csv_fini(&f->parser, on_field, on_row_end, r);
    }
    if (r->status == CT_OK && !r->header_read) {
        refuse(r, "the file has no header line");
    }
    return r->status;
}

enum ct_status moodle_progress_read(const struct moodle_progress_source *source,
                                    const struct moodle_progress_handler *handler,
                                    struct ct_err *err)
{
    struct reader r = {.handler = handler, .err = err, .line = 1, .row_line = 1};
    buf_init(&r.text, MOODLE_PROGRESS_MAX_ROW_BYTES);
    struct feeder f = {0};
    r.field_offsets = calloc(MOODLE_PROGRESS_MAX_COLUMNS, sizeof *r.field_offsets);
    f.decoded = malloc(2 * CHUNK_SIZE + 4);
    unsigned char *buffer = malloc(CHUNK_SIZE);
    enum ct_status status = CT_OK;
    if (r.field_offsets == NULL || f.decoded == NULL || buffer == NULL ||
        csv_init(&f.parser, CSV_REPALL_NL) != 0) {
        status = ct_err_nomem(err);
    } else {
        csv_set_space_func(&f.parser, never_space);
        status = read_all(source, &f, &r, buffer);
        csv_free(&f.parser);
    }
    free(buffer);
    free(f.decoded);
    free(r.field_offsets);
    free(r.cells);
    buf_release(&r.text);
    return status;
}
