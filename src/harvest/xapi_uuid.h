/*
 * xapi_uuid: statement ids, UUIDs written as 8-4-4-4-12 hexadecimal digits.
 */
#ifndef CERTTRACK_XAPI_UUID_H
#define CERTTRACK_XAPI_UUID_H

#include <stdbool.h>

#define XAPI_UUID_SIZE 37 /* 36 characters and the NUL */

/* True when text is a UUID written as 8-4-4-4-12 hexadecimal digits (either case). */
bool xapi_uuid_is_valid(const char *text);

/* Writes a version 4 (random) UUID made from 16 random bytes, in lower case. */
void xapi_uuid_from_random(const unsigned char random[16], char out[XAPI_UUID_SIZE]);

#endif
