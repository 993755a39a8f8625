#include "content_type.h"

#include <magic.h>
#include <stdio.h>

#include "../core/banned.h"

enum ct_status content_type_of(const void *bytes, size_t size, char type[CONTENT_TYPE_SIZE],
                               struct ct_err *err)
{
    snprintf(type, CONTENT_TYPE_SIZE, "application/octet-stream");
    /* A cookie per call: libmagic's cookies are not shared between threads. */
    magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (cookie == NULL) {
        return ct_err_set(err, CT_ERR_NOMEM, "file", "cannot start libmagic");
    }
    enum ct_status status = CT_OK;
    if (magic_load(cookie, NULL) != 0) {
        status = ct_err_set(err, CT_ERR_IO, "file", "cannot load the magic database: %.200s",
                            magic_error(cookie));
    }
    const char *found = status == CT_OK ? magic_buffer(cookie, bytes, size) : NULL;
    if (found != NULL) {
        snprintf(type, CONTENT_TYPE_SIZE, "%s", found);
    }
    magic_close(cookie);
    return status;
}
