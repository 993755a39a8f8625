#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

void buf_init(struct buf *b, size_t limit)
{
    b->data = NULL;
    b->length = 0;
    b->capacity = 0;
    b->limit = limit;
}

void buf_release(struct buf *b)
{
    free(b->data);
    buf_init(b, b->limit);
}

/* Makes room for extra more bytes plus the NUL. */
static enum ct_status buf_reserve(struct buf *b, size_t extra)
{
    if (extra > b->limit || b->length > b->limit - extra) {
        return CT_ERR_TOO_LARGE;
    }
    size_t needed = b->length + extra + 1;
    if (needed <= b->capacity) {
        return CT_OK;
    }
    size_t capacity = b->capacity != 0 ? b->capacity : 64;
    while (capacity < needed) {
        capacity *= 2;
    }
    char *data = realloc(b->data, capacity);
    if (data == NULL) {
        return CT_ERR_NOMEM;
    }
    b->data = data;
    b->capacity = capacity;
    return CT_OK;
}

enum ct_status buf_append(struct buf *b, const char *data, size_t length)
{
    enum ct_status status = buf_reserve(b, length);
    if (status != CT_OK) {
        return status;
    }
    if (length != 0) {
        memcpy(b->data + b->length, data, length);
    }
    b->length += length;
    b->data[b->length] = '\0';
    return CT_OK;
}

enum ct_status buf_append_str(struct buf *b, const char *text)
{
    return buf_append(b, text, strlen(text));
}

enum ct_status buf_printf(struct buf *b, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int needed = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (needed < 0) {
        return CT_ERR_INPUT;
    }
    enum ct_status status = buf_reserve(b, (size_t)needed);
    if (status != CT_OK) {
        return status;
    }
    va_start(args, format);
    vsnprintf(b->data + b->length, (size_t)needed + 1, format, args);
    va_end(args);
    b->length += (size_t)needed;
    return CT_OK;
}

enum ct_status buf_append_repeat(struct buf *b, char c, size_t count)
{
    enum ct_status status = buf_reserve(b, count);
    if (status != CT_OK) {
        return status;
    }
    memset(b->data + b->length, c, count);
    b->length += count;
    b->data[b->length] = '\0';
    return CT_OK;
}

const char *buf_str(const struct buf *b)
{
    return b->data != NULL ? b->data : "";
}

char *buf_take(struct buf *b)
{
    char *data = b->data;
    if (data == NULL) {
        data = calloc(1, 1);
    }
    buf_init(b, b->limit);
    return data;
}
