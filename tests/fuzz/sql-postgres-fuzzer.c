/*
 * sql-postgres-fuzzer: libFuzzer target for the rewriting of certtrack's SQL for
 * PostgreSQL (store/sql_postgres.h). Its promises are checked on any text:
 *   - each rewrite succeeds or refuses the text (CT_ERR_INPUT, where "sql"), never
 *     anything else (no memory failure, no crash, no leak);
 *   - a text without "?" comes back from the parameters' rewrite unchanged, with a
 *     count of 0;
 *   - a text the schema rewrite accepts, the parameters' rewrite accepts too (the two
 *     read quotes and comments alike).
 *
 *   build-test/tests/fuzz/sql-postgres-fuzzer -dict=tests/fuzz/sql-postgres.dict CORPUS
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql_postgres.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    assert(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    char *params = NULL;
    int count = -1;
    struct ct_err err = {0};
    enum ct_status by_params = sql_postgres_params(text, &params, &count, &err);
    assert(by_params == CT_OK || (by_params == CT_ERR_INPUT && strcmp(err.where, "sql") == 0));
    if (by_params == CT_OK && strchr(text, '?') == NULL) {
        assert(strcmp(params, text) == 0 && count == 0);
    }
    char *schema = NULL;
    enum ct_status by_schema = sql_postgres_schema(text, &schema, &err);
    assert(by_schema == CT_OK || (by_schema == CT_ERR_INPUT && strcmp(err.where, "sql") == 0));
    if (by_schema == CT_OK && strchr(text, '?') == NULL) {
        assert(by_params == CT_OK);
    }
    free(params);
    free(schema);
    free(text);
    return 0;
}
