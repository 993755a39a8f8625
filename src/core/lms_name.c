#include "lms_name.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* The output being written: stops (and remembers it) once it is full. */
struct key_writer {
    char *out;
    size_t size;
    size_t length;
    bool full;
};

static void put_byte(struct key_writer *writer, char c)
{
    if (writer->length + 1 >= writer->size) {
        writer->full = true;
        return;
    }
    writer->out[writer->length++] = c;
}

/* Writes code point as UTF-8 (a NUL, a surrogate or one past U+10FFFF as U+FFFD). */
static void put_code_point(struct key_writer *writer, uint32_t code)
{
    if (code == 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
        code = 0xfffd;
    }
    if (code < 0x80) {
        put_byte(writer, (char)code);
    } else if (code < 0x800) {
        put_byte(writer, (char)(0xc0 | (code >> 6)));
        put_byte(writer, (char)(0x80 | (code & 0x3f)));
    } else if (code < 0x10000) {
        put_byte(writer, (char)(0xe0 | (code >> 12)));
        put_byte(writer, (char)(0x80 | ((code >> 6) & 0x3f)));
        put_byte(writer, (char)(0x80 | (code & 0x3f)));
    } else {
        put_byte(writer, (char)(0xf0 | (code >> 18)));
        put_byte(writer, (char)(0x80 | ((code >> 12) & 0x3f)));
        put_byte(writer, (char)(0x80 | ((code >> 6) & 0x3f)));
        put_byte(writer, (char)(0x80 | (code & 0x3f)));
    }
}

static const struct {
    const char *name;
    uint32_t code;
} named_references[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xa0},
};

/* Decodes the character reference at text ("&...;"): its code point and length, or
 * false when it is none (the '&' then stands for itself). */
static bool reference_read(const char *text, uint32_t *code, size_t *length)
{
    const char *end = strchr(text, ';');
    if (end == NULL || end - text > 10) {
        return false;
    }
    size_t body = (size_t)(end - text) - 1;
    if (text[1] == '#') {
        bool hex = text[2] == 'x' || text[2] == 'X';
        const char *digits = text + (hex ? 3 : 2);
        if (digits == end) {
            return false;
        }
        char *stop = NULL;
        unsigned long value = strtoul(digits, &stop, hex ? 16 : 10);
        if (stop != end) {
            return false;
        }
        *code = value > 0x10ffff ? 0xfffd : (uint32_t)value;
        *length = (size_t)(end - text) + 1;
        return true;
    }
    for (size_t i = 0; i < sizeof named_references / sizeof named_references[0]; i++) {
        if (strlen(named_references[i].name) == body &&
            strncmp(text + 1, named_references[i].name, body) == 0) {
            *code = named_references[i].code;
            *length = body + 2;
            return true;
        }
    }
    return false;
}

/* A tag starts with '<' and a letter, '/' or '!' (as PHP's strip_tags sees one), and
 * ends at the next '>'; its length, or 0 when text starts no tag. */
static size_t tag_length(const char *text)
{
    char next = text[1];
    bool starts = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' ||
                  next == '!' || next == '?';
    const char *end = starts ? strchr(text, '>') : NULL;
    return end != NULL ? (size_t)(end - text) + 1 : 0;
}

bool lms_name_key(const char *name, char *out, size_t size)
{
    struct key_writer writer = {out, size, 0, size == 0};
    for (const char *c = name; *c != '\0' && !writer.full;) {
        size_t skip = *c == '<' ? tag_length(c) : 0;
        uint32_t code = 0;
        if (skip > 0) {
            c += skip;
        } else if (*c == '&' && reference_read(c, &code, &skip)) {
            put_code_point(&writer, code == '"' ? '\'' : code);
            c += skip;
        } else {
            put_byte(&writer, *c == '"' ? '\'' : *c);
            c++;
        }
    }
    if (size > 0) {
        out[writer.length] = '\0';
    }
    return !writer.full;
}

bool lms_name_matches(const char *left, const char *right)
{
    char left_key[1024], right_key[1024];
    bool left_fits = lms_name_key(left, left_key, sizeof left_key);
    bool right_fits = lms_name_key(right, right_key, sizeof right_key);
    if (!left_fits || !right_fits) {
        return strcmp(left, right) == 0;
    }
    return strcmp(left_key, right_key) == 0;
}
