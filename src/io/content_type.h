/*
 * content_type: the media type of bytes as their content says, never their name: read
 * by libmagic (MAGIC_MIME_TYPE) with the system's magic database.
 */
#ifndef CERTTRACK_CONTENT_TYPE_H
#define CERTTRACK_CONTENT_TYPE_H

#include <stddef.h>

#include "../core/err.h"

#define CONTENT_TYPE_SIZE 128

/* The media type of size bytes at bytes ("application/pdf", "image/png", "text/plain"
 * ...) into type (CONTENT_TYPE_SIZE bytes, NUL-terminated; "application/octet-stream"
 * when libmagic knows none). CT_ERR_IO when the magic database cannot be loaded. */
enum ct_status content_type_of(const void *bytes, size_t size, char type[CONTENT_TYPE_SIZE],
                               struct ct_err *err) CT_MUST_CHECK;

#endif
