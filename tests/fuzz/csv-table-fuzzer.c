/*
 * csv-table-fuzzer: libFuzzer target for the CSV table reader the people and history
 * imports read their files through. The reader's promises are checked:
 *   - it succeeds or refuses the file (CT_ERR_INPUT, where "file", with a message),
 *     never anything else (no memory failure, no crash, no leak);
 *   - the header comes once, before any record; records come in increasing order after
 *     record 1; none has more than CSV_TABLE_MAX_COLUMNS cells;
 *   - a record without a problem has cells that are UTF-8 text, at most
 *     CSV_TABLE_MAX_CELL_BYTES long, with no NUL inside;
 *   - the SHA-256 it reports is that of the bytes given, whatever happened.
 *
 *   build-test/tests/fuzz/csv-table-fuzzer -dict=tests/fuzz/csv-table.dict CORPUS
 */
#undef NDEBUG
#include <assert.h>
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "core/err.h"
#include "harvest/csv_table.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
    bool header;
    int64_t last_line;
};

static enum ct_status on_header(void *context, size_t count, const char *const *names,
                                struct ct_err *err)
{
    (void)err;
    struct seen *seen = context;
    assert(!seen->header);
    assert(count <= CSV_TABLE_MAX_COLUMNS);
    for (size_t i = 0; i < count; i++) {
        assert(names[i] != NULL);
    }
    seen->header = true;
    seen->last_line = 1;
    return CT_OK;
}

static enum ct_status on_record(void *context, const struct csv_table_record *record,
                                struct ct_err *err)
{
    (void)err;
    struct seen *seen = context;
    assert(seen->header);
    assert(record->line > seen->last_line);
    assert(record->count <= CSV_TABLE_MAX_COLUMNS);
    seen->last_line = record->line;
    if (record->problem == NULL) {
        for (size_t i = 0; i < record->count; i++) {
            size_t length = strlen(record->cells[i]);
            assert(length <= CSV_TABLE_MAX_CELL_BYTES);
            assert(u8_check((const uint8_t *)record->cells[i], length) == NULL);
        }
    }
    return CT_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *in = fmemopen((void *)data, size, "rb");
    if (in == NULL) {
        return 0; /* fmemopen refuses an empty buffer on some C libraries */
    }
    struct seen seen = {0};
    const struct csv_table_reader reader = {on_header, on_record, &seen};
    char sha256[CSV_TABLE_SHA256_SIZE];
    struct ct_err err = {0};
    enum ct_status status = csv_table_read(in, &reader, sha256, &err);
    fclose(in);
    assert(status == CT_OK ||
           (status == CT_ERR_INPUT && strcmp(err.where, "file") == 0 && err.message[0] != '\0'));
    unsigned char digest[crypto_hash_sha256_BYTES];
    char expected[CSV_TABLE_SHA256_SIZE];
    crypto_hash_sha256(digest, data, size);
    sodium_bin2hex(expected, sizeof expected, digest, sizeof digest);
    assert(strcmp(sha256, expected) == 0);
    return 0;
}
