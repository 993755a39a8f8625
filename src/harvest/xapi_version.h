/*
 * xapi_version: the versions of the Experience API an LRS answers, 1.0.3 and 2.0.0, as
 * the X-Experience-API-Version header names them.
 */
#ifndef CERTTRACK_XAPI_VERSION_H
#define CERTTRACK_XAPI_VERSION_H

#include <stdbool.h>

enum xapi_version {
    XAPI_VERSION_1_0, /* 1.0.0 to 1.0.3: answered as 1.0.3 */
    XAPI_VERSION_2_0, /* 2.0.0 */
};

/* Reads an X-Experience-API-Version header value: "1.0", "1.0.0" ... "1.0.9" or
 * "2.0.0". False (leaving *version untouched) for anything else, NULL included. */
bool xapi_version_parse(const char *header, enum xapi_version *version);

/* The version an LRS names in its answers for a request of that version: "1.0.3" or
 * "2.0.0" (static text). */
const char *xapi_version_name(enum xapi_version version);

#endif
