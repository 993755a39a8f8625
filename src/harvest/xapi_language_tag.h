/*
 * xapi_language_tag: language tags (RFC 5646, section 2.1), the keys of a statement's
 * language maps and its context.language, checked for being well-formed (not for being
 * registered).
 */
#ifndef CERTTRACK_XAPI_LANGUAGE_TAG_H
#define CERTTRACK_XAPI_LANGUAGE_TAG_H

#include <stdbool.h>

/* True when text is a well-formed language tag: a langtag (language, extlangs, script,
 * region, variants, extensions, private use), a private-use tag ("x-..."), or one of
 * RFC 5646's irregular grandfathered tags. */
bool xapi_language_tag_is_well_formed(const char *text);

#endif
