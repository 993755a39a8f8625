#include "web_address.h"

#include <string.h>

#include "banned.h"

size_t web_address_scheme_length(const char *url)
{
    if (strncmp(url, "https://", 8) == 0) {
        return 8;
    }
    return strncmp(url, "http://", 7) == 0 ? 7 : 0;
}

bool web_address_is_valid(const char *url, size_t max_length, const char *refused)
{
    size_t scheme = web_address_scheme_length(url);
    if (scheme == 0 || url[scheme] == '\0' || url[scheme] == '/' || strlen(url) > max_length) {
        return false;
    }
    for (const unsigned char *c = (const unsigned char *)url; *c != '\0'; c++) {
        if (*c <= ' ' || *c == 0x7f || strchr(refused, *c) != NULL) {
            return false;
        }
    }
    return true;
}
