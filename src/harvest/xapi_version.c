#include "xapi_version.h"

#include <ctype.h>
#include <string.h>

#include "../core/banned.h"

bool xapi_version_parse(const char *header, enum xapi_version *version)
{
    if (header == NULL) {
        return false;
    }
    if (strcmp(header, "2.0.0") == 0) {
        *version = XAPI_VERSION_2_0;
        return true;
    }
    if (strcmp(header, "1.0") == 0 || (strncmp(header, "1.0.", 4) == 0 &&
                                       isdigit((unsigned char)header[4]) && header[5] == '\0')) {
        *version = XAPI_VERSION_1_0;
        return true;
    }
    return false;
}

const char *xapi_version_name(enum xapi_version version)
{
    return version == XAPI_VERSION_2_0 ? "2.0.0" : "1.0.3";
}
