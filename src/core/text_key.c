#include "text_key.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "banned.h"

static bool is_trimmed_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

enum ct_status text_key_make(const char *text, struct arena *arena, const char **out)
{
    size_t start = 0;
    size_t end = strlen(text);
    while (start < end && is_trimmed_space((unsigned char)text[start])) {
        start++;
    }
    while (end > start && is_trimmed_space((unsigned char)text[end - 1])) {
        end--;
    }
    const uint8_t *trimmed = (const uint8_t *)text + start;
    size_t length = end - start;
    if (u8_check(trimmed, length) != NULL) {
        return CT_ERR_INPUT;
    }
    if (length == 0) {
        *out = arena_strdup(arena, "");
        return *out != NULL ? CT_OK : CT_ERR_NOMEM;
    }
    size_t folded_length = 0;
    uint8_t *folded = u8_casefold(trimmed, length, NULL, UNINORM_NFC, NULL, &folded_length);
    if (folded == NULL) {
        return errno == ENOMEM ? CT_ERR_NOMEM : CT_ERR_INPUT;
    }
    char *key = arena_calloc(arena, folded_length + 1, 1);
    if (key != NULL) {
        memcpy(key, folded, folded_length);
    }
    free(folded);
    if (key == NULL) {
        return CT_ERR_NOMEM;
    }
    *out = key;
    return CT_OK;
}

enum ct_status text_key_search(const char *text, char **out)
{
    *out = NULL;
    size_t length = strlen(text);
    if (u8_check((const uint8_t *)text, length) != NULL) {
        return CT_ERR_INPUT;
    }
    size_t folded_length = 0;
    uint8_t *folded =
        u8_casefold((const uint8_t *)text, length, NULL, UNINORM_NFD, NULL, &folded_length);
    if (folded == NULL) {
        return length == 0 ? CT_OK : (errno == ENOMEM ? CT_ERR_NOMEM : CT_ERR_INPUT);
    }
    char *key = malloc(folded_length + 1);
    size_t used = 0;
    for (size_t at = 0; key != NULL && at < folded_length;) {
        ucs4_t character = 0;
        int size = u8_mbtouc(&character, folded + at, folded_length - at);
        if (uc_combining_class(character) == 0) {
            memcpy(key + used, folded + at, (size_t)size);
            used += (size_t)size;
        }
        at += (size_t)size;
    }
    free(folded);
    if (key == NULL) {
        return CT_ERR_NOMEM;
    }
    key[used] = '\0';
    *out = key;
    return CT_OK;
}
