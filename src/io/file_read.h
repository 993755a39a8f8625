/*
 * file_read: whole files (or standard input) into memory, with a size limit.
 */
#ifndef CERTTRACK_FILE_READ_H
#define CERTTRACK_FILE_READ_H

#include <stddef.h>

#include "../core/err.h"

/* The default limit for one input document. */
#define FILE_READ_DEFAULT_LIMIT (64u * 1024u * 1024u)

/* Reads the file at path ("-" means standard input) into *data (NUL-terminated, caller
 * frees with free()) and its length into *length. Fails with CT_ERR_TOO_LARGE past
 * limit bytes, CT_ERR_IO when the file cannot be read; err names the file. */
enum ct_status file_read_all(const char *path, size_t limit, char **data, size_t *length,
                             struct ct_err *err) CT_MUST_CHECK;

#endif
