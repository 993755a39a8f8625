#include "csv_table.h"

#include <csv.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "../core/banned.h"

enum {
    CHUNK_SIZE = 64 * 1024,
    /* A record longer than this (all its cells, quoted) is not a record of a table this
     * size: the file is refused before libcsv's buffer grows past it. */
    MAX_RECORD_BYTES = CSV_TABLE_MAX_COLUMNS * (CSV_TABLE_MAX_CELL_BYTES + 3),
};

struct table_state {
    const struct csv_table_reader *reader;
    char *text;  /* the cells of the record being read, one after another */
    size_t used; /* bytes of text in use */
    const char *cells[CSV_TABLE_MAX_COLUMNS];
    size_t count;          /* cells kept */
    const char *problem;   /* why the record cannot be read, or NULL */
    int64_t line;          /* the number of the record being read */
    size_t record_bytes;   /* bytes fed since the last record ended */
    enum ct_status status; /* the first error; reading stops at it */
    struct ct_err *err;
};

static void keep_cell(struct table_state *t, const char *bytes, size_t length)
{
    if (t->count == CSV_TABLE_MAX_COLUMNS) {
        t->problem = "it has more cells than a table may have columns (64)";
        return;
    }
    if (length > CSV_TABLE_MAX_CELL_BYTES) {
        t->problem = "a cell is longer than 4096 bytes";
        length = 0;
    } else if (u8_check((const uint8_t *)bytes, length) != NULL || memchr(bytes, '\0', length)) {
        t->problem = "a cell is not UTF-8 text";
        length = 0;
    }
    char *cell = t->text + t->used;
    memcpy(cell, bytes, length);
    cell[length] = '\0';
    t->used += length + 1;
    t->cells[t->count++] = cell;
}

static void on_field(void *data, size_t length, void *context)
{
    struct table_state *t = context;
    if (t->status == CT_OK) {
        keep_cell(t, data != NULL ? data : "", data != NULL ? length : 0);
    }
}

static bool is_blank(const struct table_state *t)
{
    return t->count == 0 || (t->count == 1 && t->cells[0][0] == '\0');
}

static enum ct_status hand_over(struct table_state *t)
{
    if (t->line == 1) {
        if (t->problem != NULL) {
            return ct_err_set(t->err, CT_ERR_INPUT, "file", "the header cannot be read: %s",
                              t->problem);
        }
        return t->reader->header(t->reader->context, t->count, t->cells, t->err);
    }
    const struct csv_table_record record = {t->line, t->count, t->cells, t->problem};
    return t->reader->record(t->reader->context, &record, t->err);
}

static void on_record_end(int terminator, void *context)
{
    (void)terminator;
    struct table_state *t = context;
    t->record_bytes = 0;
    if (t->status == CT_OK && !is_blank(t)) {
        t->line++;
        t->status = hand_over(t);
    }
    t->used = 0;
    t->count = 0;
    t->problem = NULL;
}

static void feed(struct table_state *t, struct csv_parser *parser, const unsigned char *bytes,
                 size_t length)
{
    if (csv_parse(parser, bytes, length, on_field, on_record_end, t) != length &&
        t->status == CT_OK) {
        t->status = ct_err_set(t->err, CT_ERR_INPUT, "file", "record %lld: %s",
                               (long long)t->line + 1, csv_strerror(csv_error(parser)));
    }
    t->record_bytes += length;
    if (t->status == CT_OK && t->record_bytes > MAX_RECORD_BYTES + CHUNK_SIZE) {
        t->status = ct_err_set(t->err, CT_ERR_INPUT, "file",
                               "record %lld is longer than a table's record may be",
                               (long long)t->line + 1);
    }
}

static void read_all(FILE *in, struct table_state *t, struct csv_parser *parser,
                     unsigned char *chunk, crypto_hash_sha256_state *hash)
{
    bool first = true;
    while (t->status == CT_OK) {
        size_t got = fread(chunk, 1, CHUNK_SIZE, in);
        if (got == 0) {
            break;
        }
        crypto_hash_sha256_update(hash, chunk, got);
        size_t skip = first && got >= 3 && memcmp(chunk, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
        first = false;
        feed(t, parser, chunk + skip, got - skip);
    }
    if (t->status == CT_OK && ferror(in)) {
        t->status = ct_err_set(t->err, CT_ERR_IO, "file", "cannot be read");
    }
    if (t->status == CT_OK) {
        (void)csv_fini(parser, on_field, on_record_end, t);
    }
    if (t->status == CT_OK && t->line == 0) {
        t->status = ct_err_set(t->err, CT_ERR_INPUT, "file", "is empty: no header row");
    }
}

enum ct_status csv_table_read(FILE *in, const struct csv_table_reader *reader,
                              char sha256[CSV_TABLE_SHA256_SIZE], struct ct_err *err)
{
    struct table_state t = {.reader = reader, .err = err, .status = CT_OK};
    struct csv_parser parser;
    t.text = malloc(CSV_TABLE_MAX_COLUMNS * (CSV_TABLE_MAX_CELL_BYTES + 1));
    unsigned char *chunk = malloc(CHUNK_SIZE);
    if (t.text == NULL || chunk == NULL || csv_init(&parser, 0) != 0) {
        free(t.text);
        free(chunk);
        return ct_err_nomem(err);
    }
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    read_all(in, &t, &parser, chunk, &hash);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&hash, digest);
    sodium_bin2hex(sha256, CSV_TABLE_SHA256_SIZE, digest, sizeof digest);
    csv_free(&parser);
    free(t.text);
    free(chunk);
    return t.status;
}
