#include "xapi_language_tag.h"

#include <ctype.h>
#include <stddef.h>
#include <strings.h>

#include "../core/banned.h"

#define SUBTAGS_MAX 32

struct subtag {
    const char *text;
    size_t length;
};

/* Cuts text at its hyphens into subtags of 1 to 8 letters or digits; false when some
 * other character, an empty subtag, a longer one or too many. */
static bool split_subtags(const char *text, struct subtag subtags[SUBTAGS_MAX], size_t *count)
{
    *count = 0;
    const char *c = text;
    for (;;) {
        size_t length = 0;
        while (isalnum((unsigned char)c[length])) {
            length++;
        }
        if (length == 0 || length > 8 || *count == SUBTAGS_MAX) {
            return false;
        }
        subtags[(*count)++] = (struct subtag){c, length};
        c += length;
        if (*c == '\0') {
            return true;
        }
        if (*c != '-') {
            return false;
        }
        c++;
    }
}

/* Every character of the subtag passes test (isalpha, isdigit, isalnum). */
static bool subtag_is(struct subtag subtag, int (*test)(int))
{
    for (size_t i = 0; i < subtag.length; i++) {
        if (!test((unsigned char)subtag.text[i])) {
            return false;
        }
    }
    return true;
}

static bool is_singleton(struct subtag subtag, bool private_use)
{
    bool x = tolower((unsigned char)subtag.text[0]) == 'x';
    return subtag.length == 1 && isalnum((unsigned char)subtag.text[0]) && x == private_use;
}

/* language ["-" script] ["-" region] *("-" variant): the index after them, or 0. */
static size_t skip_language_script_region_variants(const struct subtag *t, size_t n)
{
    if (!subtag_is(t[0], isalpha) || t[0].length < 2) {
        return 0; /* language: 2 to 8 letters */
    }
    size_t i = 1;
    for (size_t ext = 0;
         t[0].length <= 3 && ext < 3 && i < n && t[i].length == 3 && subtag_is(t[i], isalpha);
         ext++) {
        i++; /* extlang: 3 letters, at most three */
    }
    if (i < n && t[i].length == 4 && subtag_is(t[i], isalpha)) {
        i++; /* script */
    }
    if (i < n && ((t[i].length == 2 && subtag_is(t[i], isalpha)) ||
                  (t[i].length == 3 && subtag_is(t[i], isdigit)))) {
        i++; /* region */
    }
    while (i < n &&
           (t[i].length >= 5 || (t[i].length == 4 && isdigit((unsigned char)t[i].text[0])))) {
        i++; /* variant: 5 to 8 characters, or a digit and 3 */
    }
    return i;
}

/* RFC 5646's irregular grandfathered tags, which follow no pattern. */
static bool is_irregular_tag(const char *text)
{
    static const char *const tags[] = {"en-GB-oed", "i-ami",     "i-bnn", "i-default", "i-enochian",
                                       "i-hak",     "i-klingon", "i-lux", "i-mingo",   "i-navajo",
                                       "i-pwn",     "i-tao",     "i-tay", "i-tsu",     "sgn-BE-FR",
                                       "sgn-BE-NL", "sgn-CH-DE", NULL};
    for (size_t i = 0; tags[i] != NULL; i++) {
        if (strcasecmp(tags[i], text) == 0) {
            return true;
        }
    }
    return false;
}

/* A well-formed language tag: langtag, private use ("x-..."), or grandfathered. */
bool xapi_language_tag_is_well_formed(const char *text)
{
    struct subtag t[SUBTAGS_MAX];
    size_t n = 0;
    if (is_irregular_tag(text)) {
        return true;
    }
    if (!split_subtags(text, t, &n)) {
        return false;
    }
    size_t i = is_singleton(t[0], true) ? 0 : skip_language_script_region_variants(t, n);
    if (i == 0 && !is_singleton(t[0], true)) {
        return false;
    }
    while (i < n && is_singleton(t[i], false)) {
        size_t first = ++i; /* extension: a singleton and subtags of 2 to 8 */
        while (i < n && t[i].length >= 2) {
            i++;
        }
        if (i == first) {
            return false;
        }
    }
    if (i < n && is_singleton(t[i], true)) {
        return i + 1 < n; /* private use: "x" and subtags of 1 to 8, to the end */
    }
    return i == n;
}
