#include "file_read.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

static enum ct_status read_stream(FILE *stream, const char *name, size_t limit,
                                  struct buf *contents, struct ct_err *err)
{
    char chunk[65536];
    for (;;) {
        size_t got = fread(chunk, 1, sizeof chunk, stream);
        if (got > 0) {
            enum ct_status status = buf_append(contents, chunk, got);
            if (status == CT_ERR_TOO_LARGE) {
                return ct_err_set(err, status, name, "larger than %zu bytes", limit);
            }
            if (status != CT_OK) {
                return ct_err_nomem(err);
            }
        }
        if (got < sizeof chunk) {
            break;
        }
    }
    if (ferror(stream)) {
        return ct_err_set(err, CT_ERR_IO, name, "cannot read: %s", strerror(errno));
    }
    return CT_OK;
}

enum ct_status file_read_all(const char *path, size_t limit, char **data, size_t *length,
                             struct ct_err *err)
{
    *data = NULL;
    *length = 0;
    bool from_stdin = strcmp(path, "-") == 0;
    const char *name = from_stdin ? "standard input" : path;
    FILE *stream = from_stdin ? stdin : fopen(path, "rb");
    if (stream == NULL) {
        return ct_err_set(err, CT_ERR_IO, name, "cannot open: %s", strerror(errno));
    }
    struct buf contents;
    buf_init(&contents, limit);
    enum ct_status status = read_stream(stream, name, limit, &contents, err);
    if (!from_stdin) {
        fclose(stream);
    }
    if (status != CT_OK) {
        buf_release(&contents);
        return status;
    }
    *length = contents.length;
    *data = buf_take(&contents);
    if (*data == NULL) {
        return ct_err_nomem(err);
    }
    return CT_OK;
}
