#include "xapi_statement.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/buf.h"
#include "../core/json_read.h"
#include "../core/banned.h"

/* ---- versions, times and ids ---- */

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

/* Reads count decimal digits at text into *value. */
static bool read_digits(const char *text, int count, int *value)
{
    int result = 0;
    for (int i = 0; i < count; i++) {
        if (!isdigit((unsigned char)text[i])) {
            return false;
        }
        result = result * 10 + (text[i] - '0');
    }
    *value = result;
    return true;
}

/* Reads the offset at text ("Z", "+HH:MM", "+HHMM", "+HH"), which must end the text. */
static bool read_offset(const char *text, int *minutes)
{
    if ((text[0] == 'Z' || text[0] == 'z') && text[1] == '\0') {
        *minutes = 0;
        return true;
    }
    if (text[0] != '+' && text[0] != '-') {
        return false;
    }
    int hours = 0, mins = 0;
    if (!read_digits(text + 1, 2, &hours)) {
        return false;
    }
    const char *rest = text + 3;
    if (*rest == ':') {
        rest++;
    }
    if (*rest != '\0') {
        if (!read_digits(rest, 2, &mins) || rest[2] != '\0') {
            return false;
        }
    } else if (text[3] == ':') {
        return false; /* "+HH:" */
    }
    if (hours > 23 || mins > 59) {
        return false;
    }
    /* A zero offset is written "+": ISO 8601 has no "-00", and RFC 3339 reads "-00:00"
     * as "offset unknown", which 2.0.0 forbids. XAPI-00123 refuses all three forms
     * ("-00", "-0000", "-00:00") under 1.0.3 as well. */
    if (text[0] == '-' && hours == 0 && mins == 0) {
        return false;
    }
    *minutes = (hours * 60 + mins) * (text[0] == '-' ? -1 : 1);
    return true;
}

bool xapi_time_parse(const char *text, enum xapi_version version, struct xapi_time *out)
{
    (void)version; /* both versions read a timestamp alike (xapi_statement.h) */
    if (text == NULL || strlen(text) < 20) {
        return false;
    }
    int year, month, day, hour, minute, second;
    if (!read_digits(text, 4, &year) || text[4] != '-' || !read_digits(text + 5, 2, &month) ||
        text[7] != '-' || !read_digits(text + 8, 2, &day) || (text[10] != 'T' && text[10] != 't') ||
        !read_digits(text + 11, 2, &hour) || text[13] != ':' ||
        !read_digits(text + 14, 2, &minute) || text[16] != ':' ||
        !read_digits(text + 17, 2, &second)) {
        return false;
    }
    if (!civil_date_is_valid_ymd(year, month, day) || hour > 23 || minute > 59 || second > 60) {
        return false;
    }
    const char *rest = text + 19;
    int millis = 0;
    if (*rest == '.') {
        rest++;
        int digits = 0;
        while (isdigit((unsigned char)*rest)) {
            if (digits < 3) {
                millis = millis * 10 + (*rest - '0');
            }
            digits++;
            rest++;
        }
        if (digits == 0) {
            return false;
        }
        for (int i = digits; i < 3; i++) {
            millis *= 10;
        }
    }
    int offset = 0;
    if (!read_offset(rest, &offset)) {
        return false;
    }
    int64_t days = civil_date_from_ymd(year, month, day).days;
    int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - (int64_t)offset * 60;
    out->utc_ms = seconds * 1000 + millis;
    out->offset_minutes = offset;
    return true;
}

/* Floor division, for instants before 1970. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void xapi_time_format_utc(int64_t utc_ms, char out[XAPI_TIMESTAMP_SIZE])
{
    int64_t days = floor_div(utc_ms, 86400000);
    int64_t in_day = utc_ms - days * 86400000;
    int year, month, day;
    civil_date_to_ymd((struct civil_date){(int32_t)days}, &year, &month, &day);
    snprintf(out, XAPI_TIMESTAMP_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day,
             (int)(in_day / 3600000), (int)(in_day / 60000 % 60), (int)(in_day / 1000 % 60),
             (int)(in_day % 1000));
}

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

static void copy_lower(char *out, size_t size, const char *text)
{
    size_t i = 0;
    for (; text[i] != '\0' && i + 1 < size; i++) {
        out[i] = (char)tolower((unsigned char)text[i]);
    }
    out[i] = '\0';
}

/* ---- checking a statement ---- */

/* The verb reserved for voiding a statement (xAPI-Data 2.3.2). */
#define VERB_VOIDED "http://adlnet.gov/expapi/verbs/voided"

static const char *type_name(const json_t *value)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

static enum ct_status wrong_type(const char *where, const char *expected, const json_t *value,
                                 struct ct_err *err)
{
    return ct_err_set(err, CT_ERR_INPUT, where, "expected %s, found %s", expected,
                      type_name(value));
}

static enum ct_status expect_object(const json_t *value, const char *where, struct ct_err *err)
{
    return json_is_object(value) ? CT_OK : wrong_type(where, "an object", value, err);
}

/* A field of an object; NULL when absent. where receives its path. */
static json_t *field(const json_t *object, const char *prefix, const char *key,
                     char where[JSON_PATH_SIZE])
{
    json_path_field(where, prefix, key);
    return json_object_get(object, key);
}

/* An IRI (or IRL): a scheme, a colon, something after it, and nothing that may not
 * appear in one (spaces, controls, <>"{}|\^`). */
static bool is_iri(const char *text)
{
    if (!isalpha((unsigned char)text[0])) {
        return false;
    }
    const char *c = text + 1;
    while (isalnum((unsigned char)*c) || *c == '+' || *c == '-' || *c == '.') {
        c++;
    }
    if (*c != ':' || c[1] == '\0') {
        return false;
    }
    for (const unsigned char *u = (const unsigned char *)text; *u != '\0'; u++) {
        if (*u <= ' ' || *u == 0x7f || strchr("<>\"{}|\\^`", *u) != NULL) {
            return false;
        }
    }
    return true;
}

static enum ct_status check_iri(const json_t *value, const char *where, struct ct_err *err)
{
    if (!json_is_string(value)) {
        return wrong_type(where, "an IRI (a string)", value, err);
    }
    if (!is_iri(json_string_value(value))) {
        return ct_err_set(err, CT_ERR_INPUT, where, "not an IRI: \"%.200s\"",
                          json_string_value(value));
    }
    return CT_OK;
}

static enum ct_status check_required_iri(const json_t *object, const char *prefix, const char *key,
                                         struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(object, prefix, key, where);
    if (value == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    return check_iri(value, where, err);
}

static enum ct_status check_optional_iri(const json_t *object, const char *prefix, const char *key,
                                         struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(object, prefix, key, where);
    return value == NULL ? CT_OK : check_iri(value, where, err);
}

static enum ct_status check_string(const json_t *object, const char *prefix, const char *key,
                                   bool required, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(object, prefix, key, where);
    if (value == NULL) {
        return required ? ct_err_set(err, CT_ERR_INPUT, where, "missing") : CT_OK;
    }
    return json_is_string(value) ? CT_OK : wrong_type(where, "a string", value, err);
}

static enum ct_status check_boolean(const json_t *object, const char *prefix, const char *key,
                                    struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(object, prefix, key, where);
    if (value == NULL || json_is_boolean(value)) {
        return CT_OK;
    }
    return wrong_type(where, "true or false", value, err);
}

/* ---- language tags (RFC 5646, section 2.1: well-formed) ---- */

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
static bool is_language_tag(const char *text)
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

static enum ct_status check_language_map(const json_t *object, const char *prefix, const char *key,
                                         bool required, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *map = field(object, prefix, key, where);
    if (map == NULL) {
        return required ? ct_err_set(err, CT_ERR_INPUT, where, "missing") : CT_OK;
    }
    if (!json_is_object(map)) {
        return wrong_type(where, "a language map (an object)", map, err);
    }
    const char *tag;
    json_t *text;
    json_object_foreach(map, tag, text)
    {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, tag);
        if (!is_language_tag(tag)) {
            return ct_err_set(err, CT_ERR_INPUT, at, "not a language tag");
        }
        if (!json_is_string(text)) {
            return wrong_type(at, "a string", text, err);
        }
    }
    return CT_OK;
}

/* Extensions: an object whose keys are IRIs; the values are anything. */
static enum ct_status check_extensions(const json_t *object, const char *prefix, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *extensions = field(object, prefix, "extensions", where);
    if (extensions == NULL) {
        return CT_OK;
    }
    if (!json_is_object(extensions)) {
        return wrong_type(where, "an object", extensions, err);
    }
    const char *key;
    json_t *value;
    json_object_foreach(extensions, key, value)
    {
        if (!is_iri(key)) {
            char at[JSON_PATH_SIZE];
            json_path_field(at, where, key);
            return ct_err_set(err, CT_ERR_INPUT, at, "an extension's key must be an IRI");
        }
    }
    return CT_OK;
}

static bool is_hex(const char *text, size_t length)
{
    if (strlen(text) != length) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        if (!isxdigit((unsigned char)text[i])) {
            return false;
        }
    }
    return true;
}

static enum ct_status check_account(const json_t *account, const char *where, struct ct_err *err)
{
    static const char *const keys[] = {"homePage", "name", NULL};
    enum ct_status status = expect_object(account, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(account, where, keys, err);
    }
    if (status == CT_OK) {
        status = check_required_iri(account, where, "homePage", err);
    }
    if (status == CT_OK) {
        status = check_string(account, where, "name", true, err);
    }
    return status;
}

/* The inverse functional identifiers of an Agent or Group: counts them into *count. */
static enum ct_status check_identifiers(const json_t *agent, const char *prefix, int *count,
                                        struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    *count = 0;
    json_t *mbox = field(agent, prefix, "mbox", where);
    if (mbox != NULL) {
        (*count)++;
        if (!json_is_string(mbox)) {
            return wrong_type(where, "a mailto: address", mbox, err);
        }
        const char *text = json_string_value(mbox);
        if (strncmp(text, "mailto:", 7) != 0 || strchr(text + 7, '@') == NULL) {
            return ct_err_set(err, CT_ERR_INPUT, where, "not a mailto: address: \"%.200s\"", text);
        }
    }
    json_t *sum = field(agent, prefix, "mbox_sha1sum", where);
    if (sum != NULL) {
        (*count)++;
        if (!json_is_string(sum) || !is_hex(json_string_value(sum), 40)) {
            return ct_err_set(err, CT_ERR_INPUT, where, "not a SHA-1 sum in hexadecimal");
        }
    }
    json_t *openid = field(agent, prefix, "openid", where);
    if (openid != NULL) {
        (*count)++;
        enum ct_status status = check_iri(openid, where, err);
        if (status != CT_OK) {
            return status;
        }
    }
    json_t *account = field(agent, prefix, "account", where);
    if (account != NULL) {
        (*count)++;
        return check_account(account, where, err);
    }
    return CT_OK;
}

static const char *object_type(const json_t *object)
{
    return json_string_value(json_object_get(object, "objectType"));
}

/* An Agent, or (when groups are allowed) a Group. object_type_required: as the object
 * of a statement, where objectType tells an Agent from an Activity. */
static enum ct_status check_agent(const json_t *agent, const char *where, bool allow_group,
                                  bool object_type_required, struct ct_err *err);

static enum ct_status check_group_members(const json_t *group, const char *prefix, bool anonymous,
                                          struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *members = field(group, prefix, "member", where);
    if (members == NULL) {
        return anonymous ? ct_err_set(err, CT_ERR_INPUT, where,
                                      "an anonymous Group (no identifier) lists its members")
                         : CT_OK;
    }
    if (!json_is_array(members)) {
        return wrong_type(where, "an array of Agents", members, err);
    }
    if (anonymous && json_array_size(members) == 0) {
        return ct_err_set(err, CT_ERR_INPUT, where, "an anonymous Group has at least one member");
    }
    size_t i;
    json_t *member;
    json_array_foreach(members, i, member)
    {
        char at[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = check_agent(member, at, false, false, err);
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

static enum ct_status check_agent(const json_t *agent, const char *where, bool allow_group,
                                  bool object_type_required, struct ct_err *err)
{
    static const char *const agent_keys[] = {"objectType", "name",    "mbox", "mbox_sha1sum",
                                             "openid",     "account", NULL};
    static const char *const group_keys[] = {"objectType", "name",    "mbox",   "mbox_sha1sum",
                                             "openid",     "account", "member", NULL};
    enum ct_status status = expect_object(agent, where, err);
    if (status != CT_OK) {
        return status;
    }
    char at[JSON_PATH_SIZE];
    json_t *type = field(agent, where, "objectType", at);
    if (type != NULL && !json_is_string(type)) {
        return wrong_type(at, "a string", type, err);
    }
    const char *kind = type != NULL ? json_string_value(type) : NULL;
    if (kind == NULL && object_type_required) {
        return ct_err_set(err, CT_ERR_INPUT, at, "missing");
    }
    bool group = kind != NULL && strcmp(kind, "Group") == 0;
    if (kind != NULL && strcmp(kind, "Agent") != 0 && !(group && allow_group)) {
        return ct_err_set(err, CT_ERR_INPUT, at, "expected %s, found \"%.64s\"",
                          allow_group ? "\"Agent\" or \"Group\"" : "\"Agent\"", kind);
    }
    status = json_read_only_keys(agent, where, group ? group_keys : agent_keys, err);
    if (status == CT_OK) {
        status = check_string(agent, where, "name", false, err);
    }
    int identifiers = 0;
    if (status == CT_OK) {
        status = check_identifiers(agent, where, &identifiers, err);
    }
    if (status == CT_OK && identifiers > 1) {
        status = ct_err_set(err, CT_ERR_INPUT, where,
                            "has %d identifiers (mbox, mbox_sha1sum, openid, account): one only",
                            identifiers);
    }
    if (status == CT_OK && identifiers == 0 && !group) {
        status = ct_err_set(err, CT_ERR_INPUT, where,
                            "an Agent needs one identifier: mbox, mbox_sha1sum, openid or account");
    }
    if (status == CT_OK && group) {
        status = check_group_members(agent, where, identifiers == 0, err);
    }
    return status;
}

static enum ct_status check_verb(const json_t *statement, const char *prefix, struct ct_err *err)
{
    static const char *const keys[] = {"id", "display", NULL};
    char where[JSON_PATH_SIZE];
    json_t *verb = field(statement, prefix, "verb", where);
    if (verb == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    enum ct_status status = expect_object(verb, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(verb, where, keys, err);
    }
    if (status == CT_OK) {
        status = check_required_iri(verb, where, "id", err);
    }
    if (status == CT_OK) {
        status = check_language_map(verb, where, "display", false, err);
    }
    return status;
}

/* Interaction components (choices, scale, source, target, steps): {id, description}. */
static enum ct_status check_components(const json_t *definition, const char *prefix,
                                       const char *key, struct ct_err *err)
{
    static const char *const keys[] = {"id", "description", NULL};
    char where[JSON_PATH_SIZE];
    json_t *list = field(definition, prefix, key, where);
    if (list == NULL) {
        return CT_OK;
    }
    if (!json_is_array(list)) {
        return wrong_type(where, "an array", list, err);
    }
    size_t i;
    json_t *component;
    json_array_foreach(list, i, component)
    {
        char at[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = expect_object(component, at, err);
        if (status == CT_OK) {
            status = json_read_only_keys(component, at, keys, err);
        }
        if (status == CT_OK) {
            status = check_string(component, at, "id", true, err);
        }
        if (status == CT_OK) {
            status = check_language_map(component, at, "description", false, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

/* interactionType: one of xAPI's, and present whenever the definition describes an
 * interaction (xAPI-Data 2.4.4.1: "an Activity Definition uses interactionType if any
 * of correctResponsesPattern, choices, scale, source, target or steps are used";
 * XAPI-00064). */
static enum ct_status check_interaction_type(const json_t *definition, const char *prefix,
                                             struct ct_err *err)
{
    static const char *const types[] = {"true-false", "choice",      "fill-in",    "long-fill-in",
                                        "matching",   "performance", "sequencing", "likert",
                                        "numeric",    "other",       NULL};
    static const char *const interaction_keys[] = {
        "correctResponsesPattern", "choices", "scale", "source", "target", "steps", NULL};
    char where[JSON_PATH_SIZE];
    json_t *type = field(definition, prefix, "interactionType", where);
    if (type == NULL) {
        for (size_t i = 0; interaction_keys[i] != NULL; i++) {
            if (json_object_get(definition, interaction_keys[i]) != NULL) {
                return ct_err_set(err, CT_ERR_INPUT, where,
                                  "missing: a definition with %s is an interaction and names "
                                  "its interactionType",
                                  interaction_keys[i]);
            }
        }
        return CT_OK;
    }
    bool known = false;
    for (size_t i = 0; types[i] != NULL && json_is_string(type) && !known; i++) {
        known = strcmp(types[i], json_string_value(type)) == 0;
    }
    return known ? CT_OK : ct_err_set(err, CT_ERR_INPUT, where, "not an interaction type of xAPI");
}

static enum ct_status check_interaction(const json_t *definition, const char *prefix,
                                        struct ct_err *err)
{
    enum ct_status status = check_interaction_type(definition, prefix, err);
    if (status != CT_OK) {
        return status;
    }
    char where[JSON_PATH_SIZE];
    json_t *pattern = field(definition, prefix, "correctResponsesPattern", where);
    if (pattern != NULL) {
        if (!json_is_array(pattern)) {
            return wrong_type(where, "an array of strings", pattern, err);
        }
        size_t i;
        json_t *response;
        json_array_foreach(pattern, i, response)
        {
            if (!json_is_string(response)) {
                char at[JSON_PATH_SIZE];
                json_path_index(at, where, i);
                return wrong_type(at, "a string", response, err);
            }
        }
    }
    static const char *const lists[] = {"choices", "scale", "source", "target", "steps", NULL};
    for (size_t i = 0; lists[i] != NULL; i++) {
        status = check_components(definition, prefix, lists[i], err);
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

static enum ct_status check_definition(const json_t *activity, const char *prefix,
                                       struct ct_err *err)
{
    static const char *const keys[] = {"name",
                                       "description",
                                       "type",
                                       "moreInfo",
                                       "extensions",
                                       "interactionType",
                                       "correctResponsesPattern",
                                       "choices",
                                       "scale",
                                       "source",
                                       "target",
                                       "steps",
                                       NULL};
    char where[JSON_PATH_SIZE];
    json_t *definition = field(activity, prefix, "definition", where);
    if (definition == NULL) {
        return CT_OK;
    }
    enum ct_status status = expect_object(definition, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(definition, where, keys, err);
    }
    if (status == CT_OK) {
        status = check_language_map(definition, where, "name", false, err);
    }
    if (status == CT_OK) {
        status = check_language_map(definition, where, "description", false, err);
    }
    if (status == CT_OK) {
        status = check_optional_iri(definition, where, "type", err);
    }
    if (status == CT_OK) {
        status = check_optional_iri(definition, where, "moreInfo", err);
    }
    if (status == CT_OK) {
        status = check_extensions(definition, where, err);
    }
    if (status == CT_OK) {
        status = check_interaction(definition, where, err);
    }
    return status;
}

static enum ct_status check_activity(const json_t *activity, const char *where, struct ct_err *err)
{
    static const char *const keys[] = {"objectType", "id", "definition", NULL};
    enum ct_status status = expect_object(activity, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(activity, where, keys, err);
    }
    const char *type = object_type(activity);
    if (status == CT_OK && json_object_get(activity, "objectType") != NULL &&
        (type == NULL || strcmp(type, "Activity") != 0)) {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, "objectType");
        status = ct_err_set(err, CT_ERR_INPUT, at, "expected \"Activity\"");
    }
    if (status == CT_OK) {
        status = check_required_iri(activity, where, "id", err);
    }
    if (status == CT_OK) {
        status = check_definition(activity, where, err);
    }
    return status;
}

static enum ct_status check_uuid_field(const json_t *object, const char *prefix, const char *key,
                                       bool required, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(object, prefix, key, where);
    if (value == NULL) {
        return required ? ct_err_set(err, CT_ERR_INPUT, where, "missing") : CT_OK;
    }
    if (!json_is_string(value) || !xapi_uuid_is_valid(json_string_value(value))) {
        return ct_err_set(err, CT_ERR_INPUT, where, "not a UUID (8-4-4-4-12 hexadecimal digits)");
    }
    return CT_OK;
}

static enum ct_status check_statement_ref(const json_t *ref, const char *where, struct ct_err *err)
{
    static const char *const keys[] = {"objectType", "id", NULL};
    enum ct_status status = expect_object(ref, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(ref, where, keys, err);
    }
    const char *type = object_type(ref);
    if (status == CT_OK && (type == NULL || strcmp(type, "StatementRef") != 0)) {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, "objectType");
        status = ct_err_set(err, CT_ERR_INPUT, at, "expected \"StatementRef\"");
    }
    if (status == CT_OK) {
        status = check_uuid_field(ref, where, "id", true, err);
    }
    return status;
}

struct reading {
    enum xapi_version version;
    bool sub_statement; /* checking the object of a statement that is a SubStatement */
};

static enum ct_status check_statement_body(const json_t *statement, const char *where,
                                           struct reading reading, struct ct_err *err);

static enum ct_status check_object(const json_t *statement, const char *prefix,
                                   struct reading reading, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *object = field(statement, prefix, "object", where);
    if (object == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "missing");
    }
    enum ct_status status = expect_object(object, where, err);
    if (status != CT_OK) {
        return status;
    }
    const char *type = object_type(object);
    if (type == NULL || strcmp(type, "Activity") == 0) {
        return check_activity(object, where, err);
    }
    if (strcmp(type, "Agent") == 0 || strcmp(type, "Group") == 0) {
        return check_agent(object, where, true, true, err);
    }
    if (strcmp(type, "StatementRef") == 0) {
        return check_statement_ref(object, where, err);
    }
    char at[JSON_PATH_SIZE];
    json_path_field(at, where, "objectType");
    if (strcmp(type, "SubStatement") == 0) {
        if (reading.sub_statement) {
            return ct_err_set(err, CT_ERR_INPUT, at, "a SubStatement cannot hold another");
        }
        reading.sub_statement = true;
        return check_statement_body(object, where, reading, err);
    }
    return ct_err_set(err, CT_ERR_INPUT, at,
                      "expected \"Activity\", \"Agent\", \"Group\", \"StatementRef\" or "
                      "\"SubStatement\", found \"%.64s\"",
                      type);
}

/* An ISO 8601 duration: P[nY][nM][nD][T[nH][nM][nS]] or PnW, each n with an optional
 * fraction, at least one part, and at least one after a T. Weeks stand alone (ISO
 * 8601:2004 4.4.3.2; xAPI-Data 4.6: "P4W1D" is not valid). */
static bool is_duration(const char *text)
{
    if (text[0] != 'P') {
        return false;
    }
    const char *c = text + 1;
    const char *date_units = "YMWD";
    const char *time_units = "HMS";
    const char *units = date_units;
    bool any_time = false, in_time = false, weeks = false;
    int parts = 0;
    while (*c != '\0') {
        if (*c == 'T') {
            if (in_time) {
                return false;
            }
            in_time = true;
            units = time_units;
            c++;
            continue;
        }
        if (!isdigit((unsigned char)*c)) {
            return false;
        }
        while (isdigit((unsigned char)*c)) {
            c++;
        }
        if (*c == '.' || *c == ',') {
            c++;
            if (!isdigit((unsigned char)*c)) {
                return false;
            }
            while (isdigit((unsigned char)*c)) {
                c++;
            }
        }
        const char *unit = *c != '\0' ? strchr(units, *c) : NULL;
        if (unit == NULL) {
            return false;
        }
        units = unit + 1; /* units come in order, each once */
        parts++;
        weeks = weeks || *unit == 'W';
        any_time = any_time || in_time;
        c++;
    }
    if (weeks && parts > 1) {
        return false;
    }
    return parts > 0 && (!in_time || any_time);
}

static enum ct_status check_number(const json_t *score, const char *prefix, const char *key,
                                   double *value, bool *present, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *number = field(score, prefix, key, where);
    *present = number != NULL;
    if (number == NULL) {
        return CT_OK;
    }
    if (!json_is_number(number)) {
        return wrong_type(where, "a number", number, err);
    }
    *value = json_number_value(number);
    return CT_OK;
}

static enum ct_status check_score(const json_t *result, const char *prefix, struct ct_err *err)
{
    static const char *const keys[] = {"scaled", "raw", "min", "max", NULL};
    char where[JSON_PATH_SIZE];
    json_t *score = field(result, prefix, "score", where);
    if (score == NULL) {
        return CT_OK;
    }
    enum ct_status status = expect_object(score, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(score, where, keys, err);
    }
    double scaled = 0, raw = 0, min = 0, max = 0;
    bool has_scaled = false, has_raw = false, has_min = false, has_max = false;
    if (status == CT_OK) {
        status = check_number(score, where, "scaled", &scaled, &has_scaled, err);
    }
    if (status == CT_OK) {
        status = check_number(score, where, "raw", &raw, &has_raw, err);
    }
    if (status == CT_OK) {
        status = check_number(score, where, "min", &min, &has_min, err);
    }
    if (status == CT_OK) {
        status = check_number(score, where, "max", &max, &has_max, err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (has_scaled && (scaled < -1 || scaled > 1)) {
        return ct_err_set(err, CT_ERR_INPUT, where, "scaled must be between -1 and 1");
    }
    if (has_min && has_max && !(min < max)) {
        return ct_err_set(err, CT_ERR_INPUT, where, "min must be less than max");
    }
    if (has_raw && ((has_min && raw < min) || (has_max && raw > max))) {
        return ct_err_set(err, CT_ERR_INPUT, where, "raw must be between min and max");
    }
    return CT_OK;
}

static enum ct_status check_result(const json_t *statement, const char *prefix, struct ct_err *err)
{
    static const char *const keys[] = {"score",    "success",    "completion", "response",
                                       "duration", "extensions", NULL};
    char where[JSON_PATH_SIZE];
    json_t *result = field(statement, prefix, "result", where);
    if (result == NULL) {
        return CT_OK;
    }
    enum ct_status status = expect_object(result, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(result, where, keys, err);
    }
    if (status == CT_OK) {
        status = check_score(result, where, err);
    }
    if (status == CT_OK) {
        status = check_boolean(result, where, "success", err);
    }
    if (status == CT_OK) {
        status = check_boolean(result, where, "completion", err);
    }
    if (status == CT_OK) {
        status = check_string(result, where, "response", false, err);
    }
    char at[JSON_PATH_SIZE];
    json_t *duration = field(result, where, "duration", at);
    if (status == CT_OK && duration != NULL &&
        (!json_is_string(duration) || !is_duration(json_string_value(duration)))) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "not an ISO 8601 duration such as PT1H30M");
    }
    if (status == CT_OK) {
        status = check_extensions(result, where, err);
    }
    return status;
}

/* contextActivities: parent, grouping, category, other; each an Activity or an array. */
static enum ct_status check_context_activities(const json_t *context, const char *prefix,
                                               struct ct_err *err)
{
    static const char *const keys[] = {"parent", "grouping", "category", "other", NULL};
    char where[JSON_PATH_SIZE];
    json_t *activities = field(context, prefix, "contextActivities", where);
    if (activities == NULL) {
        return CT_OK;
    }
    enum ct_status status = expect_object(activities, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(activities, where, keys, err);
    }
    for (size_t k = 0; keys[k] != NULL && status == CT_OK; k++) {
        char at[JSON_PATH_SIZE];
        json_t *list = field(activities, where, keys[k], at);
        if (list == NULL) {
            continue;
        }
        if (json_is_object(list)) {
            status = check_activity(list, at, err);
            continue;
        }
        if (!json_is_array(list)) {
            status = wrong_type(at, "an array of Activities", list, err);
            continue;
        }
        size_t i;
        json_t *activity;
        json_array_foreach(list, i, activity)
        {
            char item[JSON_PATH_SIZE];
            json_path_index(item, at, i);
            status = check_activity(activity, item, err);
            if (status != CT_OK) {
                break;
            }
        }
    }
    return status;
}

/* 2.0.0's contextAgents and contextGroups: arrays of {objectType, agent|group,
 * relevantTypes}. */
static enum ct_status check_context_actors(const json_t *context, const char *prefix,
                                           const char *key, bool groups, struct ct_err *err)
{
    static const char *const agent_keys[] = {"objectType", "agent", "relevantTypes", NULL};
    static const char *const group_keys[] = {"objectType", "group", "relevantTypes", NULL};
    char where[JSON_PATH_SIZE];
    json_t *list = field(context, prefix, key, where);
    if (list == NULL) {
        return CT_OK;
    }
    if (!json_is_array(list)) {
        return wrong_type(where, "an array", list, err);
    }
    size_t i;
    json_t *entry;
    json_array_foreach(list, i, entry)
    {
        char at[JSON_PATH_SIZE], inner[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = expect_object(entry, at, err);
        if (status == CT_OK) {
            status = json_read_only_keys(entry, at, groups ? group_keys : agent_keys, err);
        }
        const char *type = object_type(entry);
        const char *expected = groups ? "contextGroup" : "contextAgent";
        if (status == CT_OK && (type == NULL || strcmp(type, expected) != 0)) {
            json_path_field(inner, at, "objectType");
            status = ct_err_set(err, CT_ERR_INPUT, inner, "expected \"%s\"", expected);
        }
        json_t *actor = field(entry, at, groups ? "group" : "agent", inner);
        if (status == CT_OK && actor == NULL) {
            status = ct_err_set(err, CT_ERR_INPUT, inner, "missing");
        }
        if (status == CT_OK) {
            status = check_agent(actor, inner, groups, false, err);
        }
        const char *actor_type = object_type(actor);
        if (status == CT_OK && groups && (actor_type == NULL || strcmp(actor_type, "Group") != 0)) {
            status = ct_err_set(err, CT_ERR_INPUT, inner, "expected a Group");
        }
        json_t *types = field(entry, at, "relevantTypes", inner);
        if (status == CT_OK && types != NULL) {
            if (!json_is_array(types) || json_array_size(types) == 0) {
                status = ct_err_set(err, CT_ERR_INPUT, inner, "expected an array of IRIs");
            }
            size_t t;
            json_t *iri;
            json_array_foreach(types, t, iri)
            {
                if (status != CT_OK) {
                    break;
                }
                char item[JSON_PATH_SIZE];
                json_path_index(item, inner, t);
                status = check_iri(iri, item, err);
            }
        }
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

static enum ct_status check_context(const json_t *statement, const char *prefix,
                                    struct reading reading, struct ct_err *err)
{
    static const char *const keys_1[] = {
        "registration", "instructor", "team",      "contextActivities", "revision",
        "platform",     "language",   "statement", "extensions",        NULL};
    static const char *const keys_2[] = {"registration",      "instructor",    "team",
                                         "contextActivities", "revision",      "platform",
                                         "language",          "statement",     "extensions",
                                         "contextAgents",     "contextGroups", NULL};
    char where[JSON_PATH_SIZE];
    json_t *context = field(statement, prefix, "context", where);
    if (context == NULL) {
        return CT_OK;
    }
    enum ct_status status = expect_object(context, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(context, where,
                                     reading.version == XAPI_VERSION_2_0 ? keys_2 : keys_1, err);
    }
    if (status == CT_OK) {
        status = check_uuid_field(context, where, "registration", false, err);
    }
    char at[JSON_PATH_SIZE];
    json_t *instructor = field(context, where, "instructor", at);
    if (status == CT_OK && instructor != NULL) {
        status = check_agent(instructor, at, true, false, err);
    }
    json_t *team = field(context, where, "team", at);
    if (status == CT_OK && team != NULL) {
        status = check_agent(team, at, true, true, err);
        if (status == CT_OK && strcmp(object_type(team), "Group") != 0) {
            status = ct_err_set(err, CT_ERR_INPUT, at, "a team is a Group");
        }
    }
    if (status == CT_OK) {
        status = check_context_activities(context, where, err);
    }
    const char *type = object_type(json_object_get(statement, "object"));
    bool about_activity = type == NULL || strcmp(type, "Activity") == 0;
    static const char *const activity_only[] = {"revision", "platform"};
    for (size_t i = 0; i < 2 && status == CT_OK; i++) {
        status = check_string(context, where, activity_only[i], false, err);
        if (status == CT_OK && !about_activity &&
            json_object_get(context, activity_only[i]) != NULL) {
            json_path_field(at, where, activity_only[i]);
            status = ct_err_set(err, CT_ERR_INPUT, at, "only for a statement about an Activity");
        }
    }
    json_t *language = field(context, where, "language", at);
    if (status == CT_OK && language != NULL &&
        (!json_is_string(language) || !is_language_tag(json_string_value(language)))) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "not a language tag");
    }
    json_t *ref = field(context, where, "statement", at);
    if (status == CT_OK && ref != NULL) {
        status = check_statement_ref(ref, at, err);
    }
    if (status == CT_OK) {
        status = check_extensions(context, where, err);
    }
    if (status == CT_OK && reading.version == XAPI_VERSION_2_0) {
        status = check_context_actors(context, where, "contextAgents", false, err);
    }
    if (status == CT_OK && reading.version == XAPI_VERSION_2_0) {
        status = check_context_actors(context, where, "contextGroups", true, err);
    }
    return status;
}

static enum ct_status check_timestamp(const json_t *statement, const char *prefix, const char *key,
                                      enum xapi_version version, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(statement, prefix, key, where);
    struct xapi_time time;
    if (value != NULL &&
        (!json_is_string(value) || !xapi_time_parse(json_string_value(value), version, &time))) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          "not an ISO 8601 time with its offset, such as "
                          "2024-03-01T14:05:00+01:00");
    }
    return CT_OK;
}

static enum ct_status check_attachments(const json_t *statement, const char *prefix,
                                        struct ct_err *err)
{
    static const char *const keys[] = {"usageType", "display", "description", "contentType",
                                       "length",    "sha2",    "fileUrl",     NULL};
    char where[JSON_PATH_SIZE];
    json_t *attachments = field(statement, prefix, "attachments", where);
    if (attachments == NULL) {
        return CT_OK;
    }
    if (!json_is_array(attachments)) {
        return wrong_type(where, "an array", attachments, err);
    }
    size_t i;
    json_t *attachment;
    json_array_foreach(attachments, i, attachment)
    {
        char at[JSON_PATH_SIZE], inner[JSON_PATH_SIZE];
        json_path_index(at, where, i);
        enum ct_status status = expect_object(attachment, at, err);
        if (status == CT_OK) {
            status = json_read_only_keys(attachment, at, keys, err);
        }
        if (status == CT_OK) {
            status = check_required_iri(attachment, at, "usageType", err);
        }
        if (status == CT_OK) {
            status = check_language_map(attachment, at, "display", true, err);
        }
        if (status == CT_OK) {
            status = check_language_map(attachment, at, "description", false, err);
        }
        if (status == CT_OK) {
            status = check_string(attachment, at, "contentType", true, err);
        }
        if (status == CT_OK) {
            status = check_string(attachment, at, "sha2", true, err);
        }
        json_t *length = field(attachment, at, "length", inner);
        if (status == CT_OK && (!json_is_integer(length) || json_integer_value(length) < 0)) {
            status = ct_err_set(err, CT_ERR_INPUT, inner, "expected a whole number of bytes");
        }
        json_t *url = field(attachment, at, "fileUrl", inner);
        if (status == CT_OK && url == NULL) {
            status = ct_err_set(err, CT_ERR_INPUT, inner,
                                "certtrack takes no attachment content (multipart/mixed): "
                                "give the attachment's fileUrl");
        }
        if (status == CT_OK) {
            status = check_iri(url, inner, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

/* A statement's version: "1.0" or "1.0." and a number; under 2.0.0 also "2.0" or "2.0."
 * and a number. xAPI-Data 2.4.10 (1.0.3): "An LRS MUST reject all Statements with a
 * version specified that does not start with 1.0." (XAPI-00101). */
static bool is_statement_version(const char *text, enum xapi_version version)
{
    bool two = strncmp(text, "2.0", 3) == 0;
    if (strncmp(text, "1.0", 3) != 0 && !(two && version == XAPI_VERSION_2_0)) {
        return false;
    }
    if (text[3] == '\0') {
        return true;
    }
    if (text[3] != '.' || text[4] == '\0') {
        return false;
    }
    for (const char *c = text + 4; *c != '\0'; c++) {
        if (!isdigit((unsigned char)*c)) {
            return false;
        }
    }
    return true;
}

static enum ct_status check_version_property(const json_t *statement, const char *prefix,
                                             enum xapi_version version, struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *value = field(statement, prefix, "version", where);
    if (value != NULL &&
        (!json_is_string(value) || !is_statement_version(json_string_value(value), version))) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          version == XAPI_VERSION_2_0
                              ? "expected \"1.0.x\" or \"2.0.x\""
                              : "expected \"1.0.x\" (a 1.0.3 request takes no other)");
    }
    return CT_OK;
}

static bool has_identifier(const json_t *agent)
{
    return json_object_get(agent, "mbox") != NULL ||
           json_object_get(agent, "mbox_sha1sum") != NULL ||
           json_object_get(agent, "openid") != NULL || json_object_get(agent, "account") != NULL;
}

/* authority: an Agent, or (3-legged OAuth) an anonymous Group of exactly two Agents, the
 * OAuth consumer and the user (xAPI-Data 2.4.9; XAPI-00024, XAPI-00098, XAPI-00100). */
static enum ct_status check_authority(const json_t *statement, const char *prefix,
                                      struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *authority = field(statement, prefix, "authority", where);
    if (authority == NULL) {
        return CT_OK;
    }
    enum ct_status status = check_agent(authority, where, true, false, err);
    const char *type = object_type(authority);
    if (status != CT_OK || type == NULL || strcmp(type, "Group") != 0) {
        return status;
    }
    if (has_identifier(authority)) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          "an authority Group is anonymous (the OAuth consumer and the user): "
                          "it has no identifier of its own");
    }
    size_t members = json_array_size(json_object_get(authority, "member"));
    if (members != 2) {
        char at[JSON_PATH_SIZE];
        json_path_field(at, where, "member");
        return ct_err_set(err, CT_ERR_INPUT, at,
                          "an authority Group has exactly two members (the OAuth consumer and "
                          "the user), not %zu",
                          members);
    }
    return CT_OK;
}

/* A voiding statement (verb voided) names the statement it voids: its object is a
 * StatementRef (xAPI-Data 2.3.2; XAPI-00017). */
static enum ct_status check_voiding(const json_t *statement, const char *prefix, struct ct_err *err)
{
    const char *verb = json_string_value(json_object_get(json_object_get(statement, "verb"), "id"));
    const char *type = object_type(json_object_get(statement, "object"));
    if (verb == NULL || strcmp(verb, VERB_VOIDED) != 0 ||
        (type != NULL && strcmp(type, "StatementRef") == 0)) {
        return CT_OK;
    }
    char object[JSON_PATH_SIZE], where[JSON_PATH_SIZE];
    json_path_field(object, prefix, "object");
    json_path_field(where, object, "objectType");
    return ct_err_set(err, CT_ERR_INPUT, where,
                      "a voiding statement (verb %s) has a StatementRef as its object",
                      VERB_VOIDED);
}

/* A statement, or the SubStatement that is a statement's object. */
static enum ct_status check_statement_body(const json_t *statement, const char *where,
                                           struct reading reading, struct ct_err *err)
{
    static const char *const keys[] = {"id",        "actor",   "verb",        "object",
                                       "result",    "context", "timestamp",   "stored",
                                       "authority", "version", "attachments", NULL};
    static const char *const sub_keys[] = {"objectType", "actor",       "verb",
                                           "object",     "result",      "context",
                                           "timestamp",  "attachments", NULL};
    enum ct_status status = expect_object(statement, where, err);
    if (status == CT_OK) {
        status =
            json_read_only_keys(statement, where, reading.sub_statement ? sub_keys : keys, err);
    }
    if (status == CT_OK && !reading.sub_statement) {
        status = check_uuid_field(statement, where, "id", false, err);
    }
    char at[JSON_PATH_SIZE];
    json_t *actor = field(statement, where, "actor", at);
    if (status == CT_OK && actor == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, at, "missing");
    }
    if (status == CT_OK) {
        status = check_agent(actor, at, true, false, err);
    }
    if (status == CT_OK) {
        status = check_verb(statement, where, err);
    }
    if (status == CT_OK) {
        status = check_object(statement, where, reading, err);
    }
    if (status == CT_OK) {
        status = check_result(statement, where, err);
    }
    if (status == CT_OK) {
        status = check_context(statement, where, reading, err);
    }
    if (status == CT_OK) {
        status = check_timestamp(statement, where, "timestamp", reading.version, err);
    }
    if (status == CT_OK) {
        status = check_attachments(statement, where, err);
    }
    if (status != CT_OK || reading.sub_statement) {
        return status;
    }
    status = check_timestamp(statement, where, "stored", reading.version, err);
    if (status == CT_OK) {
        status = check_authority(statement, where, err);
    }
    if (status == CT_OK) {
        status = check_version_property(statement, where, reading.version, err);
    }
    if (status == CT_OK) {
        status = check_voiding(statement, where, err);
    }
    return status;
}

/* ---- what certtrack reads from a statement ---- */

static const char *language_map_text(const json_t *map)
{
    static const char *const preferred[] = {"en", "en-US", "en-GB", NULL};
    for (size_t i = 0; preferred[i] != NULL; i++) {
        const char *text = json_string_value(json_object_get(map, preferred[i]));
        if (text != NULL) {
            return text;
        }
    }
    void *first = json_object_iter((json_t *)map);
    return first != NULL ? json_string_value(json_object_iter_value(first)) : NULL;
}

static bool is_course_activity(const json_t *activity)
{
    static const char *const course_types[] = {
        "https://w3id.org/xapi/cmi5/activitytype/course",
        "http://id.tincanapi.com/activitytype/lms/course",
        "http://adlnet.gov/expapi/activities/course",
        NULL,
    };
    const json_t *definition = json_object_get(activity, "definition");
    const char *type = json_string_value(json_object_get(definition, "type"));
    for (size_t i = 0; type != NULL && course_types[i] != NULL; i++) {
        if (strcmp(type, course_types[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* The first course among the context's parent and grouping activities. */
static const char *context_course(const json_t *statement)
{
    const json_t *activities =
        json_object_get(json_object_get(statement, "context"), "contextActivities");
    static const char *const lists[] = {"parent", "grouping", NULL};
    for (size_t k = 0; lists[k] != NULL; k++) {
        json_t *list = json_object_get(activities, lists[k]);
        if (json_is_object(list) && is_course_activity(list)) {
            return json_string_value(json_object_get(list, "id"));
        }
        size_t i;
        json_t *activity;
        json_array_foreach(list, i, activity)
        {
            if (is_course_activity(activity)) {
                return json_string_value(json_object_get(activity, "id"));
            }
        }
    }
    return NULL;
}

static void extract(struct xapi_statement *out, enum xapi_version version)
{
    const json_t *statement = out->json;
    const char *id = json_string_value(json_object_get(statement, "id"));
    if (id != NULL) {
        copy_lower(out->id, sizeof out->id, id);
    }
    const json_t *actor = json_object_get(statement, "actor");
    const char *actor_type = object_type(actor);
    const json_t *account = json_object_get(actor, "account");
    if ((actor_type == NULL || strcmp(actor_type, "Agent") == 0) && account != NULL) {
        out->account_home = json_string_value(json_object_get(account, "homePage"));
        out->account_name = json_string_value(json_object_get(account, "name"));
    }
    out->verb_id = json_string_value(json_object_get(json_object_get(statement, "verb"), "id"));
    const json_t *object = json_object_get(statement, "object");
    const char *type = object_type(object);
    if (type == NULL || strcmp(type, "Activity") == 0) {
        out->object_id = json_string_value(json_object_get(object, "id"));
        const json_t *names = json_object_get(json_object_get(object, "definition"), "name");
        out->object_name = names != NULL ? language_map_text(names) : NULL;
    }
    out->course_id = context_course(statement);
    const char *timestamp = json_string_value(json_object_get(statement, "timestamp"));
    out->has_timestamp = timestamp != NULL && xapi_time_parse(timestamp, version, &out->timestamp);
    const json_t *result = json_object_get(statement, "result");
    const json_t *completion = json_object_get(result, "completion");
    out->completion = completion == NULL ? -1 : json_is_true(completion) ? 1 : 0;
    const json_t *success = json_object_get(result, "success");
    out->success = success == NULL ? -1 : json_is_true(success) ? 1 : 0;
    const json_t *extensions = json_object_get(json_object_get(statement, "context"), "extensions");
    const json_t *info = json_object_get(extensions, XAPI_MOODLE_INFO_EXTENSION);
    out->moodle_event = json_string_value(json_object_get(info, "event_name"));
}

/* ---- the canonical form ----
 *
 * Written directly (no copy of the statement): keys sorted, no spaces, strings with only
 * '"', '\' and control characters escaped, whole-number reals as integers, other reals
 * as "%.17g", the statement's (and a SubStatement's) timestamp as its UTC instant, a
 * Group's members sorted by their own canonical text, and the properties an LRS sets
 * (id, stored, authority, version) left out of the statement. */

#define CANONICAL_LIMIT ((size_t)64 << 20)

enum canonical_place {
    PLACE_VALUE,         /* anywhere inside */
    PLACE_STATEMENT,     /* the statement itself */
    PLACE_SUB_STATEMENT, /* its object, when a SubStatement */
};

static enum ct_status write_value(struct buf *out, const json_t *value, enum canonical_place place);

static enum ct_status write_string(struct buf *out, const char *text, size_t length)
{
    enum ct_status status = buf_append(out, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < length && status == CT_OK; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        status = buf_append(out, text + run, i - run);
        run = i + 1;
        if (status == CT_OK) {
            status = c == '"'    ? buf_append(out, "\\\"", 2)
                     : c == '\\' ? buf_append(out, "\\\\", 2)
                                 : buf_printf(out, "\\u%04x", c);
        }
    }
    if (status == CT_OK) {
        status = buf_append(out, text + run, length - run);
    }
    return status == CT_OK ? buf_append(out, "\"", 1) : status;
}

static enum ct_status write_number(struct buf *out, const json_t *value)
{
    if (json_is_integer(value)) {
        return buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
    }
    double number = json_real_value(value);
    if (number > -9.0e15 && number < 9.0e15 && number == (double)(long long)number) {
        return buf_printf(out, "%lld", (long long)number);
    }
    return buf_printf(out, "%.17g", number);
}

struct member_text {
    char *text;
    size_t length;
};

static int compare_member_text(const void *a, const void *b)
{
    return strcmp(((const struct member_text *)a)->text, ((const struct member_text *)b)->text);
}

/* A Group's members, in the order of their canonical texts. */
static enum ct_status write_members(struct buf *out, const json_t *members)
{
    size_t count = json_array_size(members);
    struct member_text *items = calloc(count > 0 ? count : 1, sizeof *items);
    enum ct_status status = items != NULL ? CT_OK : CT_ERR_NOMEM;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        struct buf member;
        buf_init(&member, CANONICAL_LIMIT);
        status = write_value(&member, json_array_get(members, i), PLACE_VALUE);
        items[i].length = member.length;
        items[i].text = buf_take(&member);
        if (status == CT_OK && items[i].text == NULL) {
            status = CT_ERR_NOMEM;
        }
        buf_release(&member);
    }
    if (status == CT_OK) {
        qsort(items, count, sizeof *items, compare_member_text);
        status = buf_append(out, "[", 1);
    }
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = i > 0 ? buf_append(out, ",", 1) : CT_OK;
        if (status == CT_OK) {
            status = buf_append(out, items[i].text, items[i].length);
        }
    }
    if (status == CT_OK) {
        status = buf_append(out, "]", 1);
    }
    for (size_t i = 0; items != NULL && i < count; i++) {
        free(items[i].text);
    }
    free(items);
    return status;
}

struct sorted_key {
    const char *key;
    const json_t *value;
};

static int compare_keys(const void *a, const void *b)
{
    return strcmp(((const struct sorted_key *)a)->key, ((const struct sorted_key *)b)->key);
}

static bool is_set_by_lrs(const char *key)
{
    return strcmp(key, "id") == 0 || strcmp(key, "stored") == 0 || strcmp(key, "authority") == 0 ||
           strcmp(key, "version") == 0;
}

/* One member of an object: "key":value, the value written as its place asks. */
static enum ct_status write_member(struct buf *out, const json_t *object, const char *key,
                                   const json_t *value, enum canonical_place place)
{
    enum ct_status status = write_string(out, key, strlen(key));
    if (status == CT_OK) {
        status = buf_append(out, ":", 1);
    }
    if (status != CT_OK) {
        return status;
    }
    struct xapi_time time;
    if (place != PLACE_VALUE && strcmp(key, "timestamp") == 0 &&
        xapi_time_parse(json_string_value(value), XAPI_VERSION_1_0, &time)) {
        char utc[XAPI_TIMESTAMP_SIZE];
        xapi_time_format_utc(time.utc_ms, utc);
        return write_string(out, utc, strlen(utc));
    }
    if (place == PLACE_STATEMENT && strcmp(key, "object") == 0) {
        const char *type = object_type(value);
        bool sub = type != NULL && strcmp(type, "SubStatement") == 0;
        return write_value(out, value, sub ? PLACE_SUB_STATEMENT : PLACE_VALUE);
    }
    const char *type = object_type(object);
    if (strcmp(key, "member") == 0 && json_is_array(value) && type != NULL &&
        strcmp(type, "Group") == 0) {
        return write_members(out, value);
    }
    return write_value(out, value, PLACE_VALUE);
}

static enum ct_status write_object(struct buf *out, const json_t *object,
                                   enum canonical_place place)
{
    size_t count = json_object_size(object);
    struct sorted_key few[32];
    struct sorted_key *keys = count <= 32 ? few : calloc(count, sizeof *keys);
    if (keys == NULL) {
        return CT_ERR_NOMEM;
    }
    size_t n = 0;
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)object, key, value)
    {
        if (n < count && !(place == PLACE_STATEMENT && is_set_by_lrs(key))) {
            keys[n++] = (struct sorted_key){key, value};
        }
    }
    qsort(keys, n, sizeof *keys, compare_keys);
    enum ct_status status = buf_append(out, "{", 1);
    for (size_t i = 0; i < n && status == CT_OK; i++) {
        status = i > 0 ? buf_append(out, ",", 1) : CT_OK;
        if (status == CT_OK) {
            status = write_member(out, object, keys[i].key, keys[i].value, place);
        }
    }
    if (keys != few) {
        free(keys);
    }
    return status == CT_OK ? buf_append(out, "}", 1) : status;
}

static enum ct_status write_value(struct buf *out, const json_t *value, enum canonical_place place)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT:
        return write_object(out, value, place);
    case JSON_ARRAY: {
        enum ct_status status = buf_append(out, "[", 1);
        for (size_t i = 0; i < json_array_size(value) && status == CT_OK; i++) {
            status = i > 0 ? buf_append(out, ",", 1) : CT_OK;
            if (status == CT_OK) {
                status = write_value(out, json_array_get(value, i), PLACE_VALUE);
            }
        }
        return status == CT_OK ? buf_append(out, "]", 1) : status;
    }
    case JSON_STRING:
        return write_string(out, json_string_value(value), json_string_length(value));
    case JSON_INTEGER:
    case JSON_REAL:
        return write_number(out, value);
    case JSON_TRUE:
        return buf_append(out, "true", 4);
    case JSON_FALSE:
        return buf_append(out, "false", 5);
    case JSON_NULL:
        return buf_append(out, "null", 4);
    }
    return CT_OK;
}

char *xapi_statement_canonical(const json_t *statement)
{
    struct buf out;
    buf_init(&out, CANONICAL_LIMIT);
    char *text = write_value(&out, statement, PLACE_STATEMENT) == CT_OK ? buf_take(&out) : NULL;
    buf_release(&out);
    return text;
}

static enum ct_status content_hash(const json_t *statement, char out[XAPI_HASH_SIZE],
                                   struct ct_err *err)
{
    struct buf canonical;
    buf_init(&canonical, CANONICAL_LIMIT);
    enum ct_status status = write_value(&canonical, statement, PLACE_STATEMENT);
    if (status == CT_OK) {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, (const unsigned char *)buf_str(&canonical), canonical.length);
        sodium_bin2hex(out, XAPI_HASH_SIZE, digest, sizeof digest);
    } else if (status == CT_ERR_NOMEM) {
        status = ct_err_nomem(err);
    } else {
        status = ct_err_set(err, status, "statement", "too large to compare");
    }
    buf_release(&canonical);
    return status;
}

/* ---- statements and batches ---- */

enum ct_status xapi_statement_read(json_t *value, enum xapi_version version, const char *where,
                                   struct xapi_statement *out, struct ct_err *err)
{
    memset(out, 0, sizeof *out);
    out->completion = -1;
    out->success = -1;
    if (!json_is_object(value)) {
        return wrong_type(where, "a statement (an object)", value, err);
    }
    struct reading reading = {.version = version, .sub_statement = false};
    enum ct_status status = check_statement_body(value, where, reading, err);
    if (status != CT_OK) {
        return status;
    }
    out->json = json_incref(value);
    extract(out, version);
    return content_hash(value, out->content_hash, err);
}

void xapi_statement_release(struct xapi_statement *statement)
{
    if (statement == NULL) {
        return;
    }
    json_decref(statement->json);
    memset(statement, 0, sizeof *statement);
    statement->completion = -1;
    statement->success = -1;
}

void xapi_statement_set_id(struct xapi_statement *statement, const char *id)
{
    copy_lower(statement->id, sizeof statement->id, id);
}

/* Object types of Moodle activities whose "completed" is no completion of the activity:
 * a lesson session ended, a quiz attempt. */
static bool is_session_type(const char *type)
{
    static const char *const session_types[] = {
        "https://xapi.edlm/profiles/edlm-lms/concepts/activity-types/lesson-session",
        "http://adlnet.gov/expapi/activities/attempt",
        NULL,
    };
    for (size_t i = 0; type != NULL && session_types[i] != NULL; i++) {
        if (strcmp(type, session_types[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* A course completion or an activity completion, as the header of xapi_statement_meaning
 * says. */
static bool is_course_or_activity_completion(const struct xapi_statement *statement)
{
    if (statement->moodle_event != NULL) {
        return strcmp(statement->moodle_event, XAPI_MOODLE_COURSE_COMPLETED) == 0 ||
               strcmp(statement->moodle_event, XAPI_MOODLE_MODULE_COMPLETED) == 0;
    }
    const json_t *definition =
        json_object_get(json_object_get(statement->json, "object"), "definition");
    return !is_session_type(json_string_value(json_object_get(definition, "type")));
}

enum xapi_meaning xapi_statement_meaning(const struct xapi_statement *statement)
{
    if (statement->object_id == NULL || statement->verb_id == NULL) {
        return XAPI_MEANING_OTHER;
    }
    if (strcmp(statement->verb_id, XAPI_VERB_UNCOMPLETED) == 0) {
        return XAPI_MEANING_UNCOMPLETED;
    }
    bool completed = strcmp(statement->verb_id, XAPI_VERB_COMPLETED) == 0 ||
                     strcmp(statement->verb_id, XAPI_VERB_COMPLETED_TINCAN) == 0;
    if (!completed || statement->completion == 0) {
        return XAPI_MEANING_OTHER;
    }
    if (!is_course_or_activity_completion(statement)) {
        return XAPI_MEANING_NOT_A_COMPLETION;
    }
    return statement->success == 0 ? XAPI_MEANING_FAILED : XAPI_MEANING_COMPLETED;
}

/* A Moodle course or module page: ".../course/view.php?id=" or ".../mod/NAME/view.php?id=". */
static bool is_moodle_page(const char *url)
{
    if (strstr(url, "/course/view.php?id=") != NULL) {
        return true;
    }
    const char *mod = strstr(url, "/mod/");
    if (mod == NULL) {
        return false;
    }
    const char *name = mod + 5;
    size_t length = strcspn(name, "/?#");
    return length > 0 && strncmp(name + length, "/view.php?id=", 13) == 0;
}

bool xapi_statement_is_course_or_module(const struct xapi_statement *statement)
{
    static const char *const module_types[] = {
        "http://id.tincanapi.com/activitytype/lms/module",
        "http://adlnet.gov/expapi/activities/module",
        NULL,
    };
    if (statement->object_id == NULL) {
        return false;
    }
    const json_t *object = json_object_get(statement->json, "object");
    if (is_course_activity(object)) {
        return true;
    }
    const char *type =
        json_string_value(json_object_get(json_object_get(object, "definition"), "type"));
    for (size_t i = 0; type != NULL && module_types[i] != NULL; i++) {
        if (strcmp(type, module_types[i]) == 0) {
            return true;
        }
    }
    return is_moodle_page(statement->object_id);
}

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the JSON value that starts at body[at] (already known to be valid JSON):
 * the index of the ',' or ']' after it at the same depth, or length. */
static size_t value_end(const char *body, size_t length, size_t at)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = at; i < length; i++) {
        char c = body[i];
        if (in_string) {
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                return i;
            }
            depth--;
        } else if (c == ',' && depth == 0) {
            return i;
        }
    }
    return length;
}

/* Copies each statement's own text out of the body, in order. */
static enum ct_status split_raw(const char *body, size_t length, struct xapi_batch *batch,
                                struct ct_err *err)
{
    size_t at = 0;
    while (at < length && is_json_space(body[at])) {
        at++;
    }
    bool array = at < length && body[at] == '[';
    if (array) {
        at++;
    }
    for (size_t n = 0; n < batch->count; n++) {
        while (at < length && (is_json_space(body[at]) || body[at] == ',')) {
            at++;
        }
        size_t end = array ? value_end(body, length, at) : length;
        size_t last = end;
        while (last > at && is_json_space(body[last - 1])) {
            last--;
        }
        if (last <= at) {
            return ct_err_set(err, CT_ERR_INPUT, "statements", "cannot find statement %zu", n);
        }
        batch->raw[n] = strndup(body + at, last - at);
        if (batch->raw[n] == NULL) {
            return ct_err_nomem(err);
        }
        batch->raw_length[n] = last - at;
        at = end;
    }
    return CT_OK;
}

static enum ct_status batch_allocate(struct xapi_batch *batch, struct ct_err *err)
{
    size_t n = batch->count > 0 ? batch->count : 1;
    batch->statements = calloc(n, sizeof *batch->statements);
    batch->raw = calloc(n, sizeof *batch->raw);
    batch->raw_length = calloc(n, sizeof *batch->raw_length);
    if (batch->statements == NULL || batch->raw == NULL || batch->raw_length == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < n; i++) {
        batch->statements[i].completion = -1;
    }
    return CT_OK;
}

/* Two statements of one batch may not share an id. */
static enum ct_status check_distinct_ids(const struct xapi_batch *batch, struct ct_err *err)
{
    for (size_t i = 1; i < batch->count; i++) {
        const char *id = batch->statements[i].id;
        for (size_t j = 0; id[0] != '\0' && j < i; j++) {
            if (strcmp(id, batch->statements[j].id) == 0) {
                char where[JSON_PATH_SIZE];
                snprintf(where, sizeof where, "statements[%zu].id", i);
                return ct_err_set(err, CT_ERR_INPUT, where,
                                  "statements[%zu] has the same id in this batch", j);
            }
        }
    }
    return CT_OK;
}

/* The number of values in the top-level array of body (1 when it is no array), counted
 * without building anything and stopping once past max: a batch too large is refused
 * before it is parsed into memory. Strings are skipped whole, escapes and all; on text
 * that is not JSON the count may be off, and the parse after it refuses that text. */
static size_t top_level_count(const char *body, size_t length, size_t max)
{
    size_t at = 0;
    while (at < length && is_json_space(body[at])) {
        at++;
    }
    if (at == length || body[at] != '[') {
        return 1;
    }
    size_t count = 0;
    int depth = 0;
    bool in_string = false, expecting = true;
    for (; at < length && count <= max; at++) {
        char c = body[at];
        if (in_string) {
            at += c == '\\';
            in_string = c != '"';
            continue;
        }
        if (is_json_space(c)) {
            continue;
        }
        if (depth == 1 && expecting && c != ']') {
            count++;
        }
        expecting = depth == 0 || (depth == 1 && c == ',');
        depth += (c == '[' || c == '{') - (c == ']' || c == '}');
        in_string = c == '"';
        if (depth == 0 && c == ']') {
            break;
        }
    }
    return count;
}

enum ct_status xapi_batch_read(const char *body, size_t length, enum xapi_version version,
                               struct xapi_batch *batch, struct ct_err *err)
{
    memset(batch, 0, sizeof *batch);
    /* JSON has no raw NUL byte anywhere (a string writes it \u0000); jansson lets one
     * pass after a literal, so it is refused here. */
    const char *nul = memchr(body, '\0', length);
    if (nul != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "statements", "not JSON: a NUL byte at offset %zu",
                          (size_t)(nul - body));
    }
    size_t counted = top_level_count(body, length, XAPI_BATCH_MAX);
    if (counted > XAPI_BATCH_MAX) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, "statements",
                          "more than %d statements in one request", XAPI_BATCH_MAX);
    }
    json_error_t error;
    batch->root = json_loadb(body, length, JSON_REJECT_DUPLICATES, &error);
    if (batch->root == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "statements", "not JSON (line %d, column %d): %s",
                          error.line, error.column, error.text);
    }
    batch->is_array = json_is_array(batch->root);
    batch->count = batch->is_array ? json_array_size(batch->root) : 1;
    if (batch->count > XAPI_BATCH_MAX) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, "statements",
                          "%zu statements in one request; at most %d", batch->count,
                          XAPI_BATCH_MAX);
    }
    enum ct_status status = batch_allocate(batch, err);
    for (size_t i = 0; i < batch->count && status == CT_OK; i++) {
        char where[JSON_PATH_SIZE];
        if (batch->is_array) {
            json_path_index(where, "statements", i);
        } else {
            snprintf(where, sizeof where, "statement");
        }
        json_t *value = batch->is_array ? json_array_get(batch->root, i) : batch->root;
        status = xapi_statement_read(value, version, where, &batch->statements[i], err);
    }
    if (status == CT_OK) {
        status = check_distinct_ids(batch, err);
    }
    if (status == CT_OK) {
        status = split_raw(body, length, batch, err);
    }
    return status;
}

void xapi_batch_release(struct xapi_batch *batch)
{
    if (batch == NULL) {
        return;
    }
    for (size_t i = 0; batch->statements != NULL && i < batch->count; i++) {
        xapi_statement_release(&batch->statements[i]);
    }
    for (size_t i = 0; batch->raw != NULL && i < batch->count; i++) {
        free(batch->raw[i]);
    }
    free(batch->statements);
    free(batch->raw);
    free(batch->raw_length);
    json_decref(batch->root);
    memset(batch, 0, sizeof *batch);
}
