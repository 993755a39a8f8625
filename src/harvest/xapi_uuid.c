#include "xapi_uuid.h"

#include <ctype.h>
#include <string.h>

#include "../core/banned.h"

bool xapi_uuid_is_valid(const char *text)
{
    if (text == NULL || strlen(text) != 36) {
        return false;
    }
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isxdigit((unsigned char)text[i])) {
            return false;
        }
    }
    return true;
}

void xapi_uuid_from_random(const unsigned char random[16], char out[XAPI_UUID_SIZE])
{
    unsigned char bytes[16];
    memcpy(bytes, random, sizeof bytes);
    bytes[6] = (unsigned char)((bytes[6] & 0x0f) | 0x40); /* version 4 */
    bytes[8] = (unsigned char)((bytes[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    size_t at = 0;
    for (size_t i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out[at++] = '-';
        }
        out[at++] = hex[bytes[i] >> 4];
        out[at++] = hex[bytes[i] & 0x0f];
    }
    out[at] = '\0';
}
