#include "xapi_check_agent.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "xapi_field.h"
#include "../core/json_read.h"
#include "../core/banned.h"

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
    enum ct_status status = json_read_expect_object(account, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(account, where, keys, err);
    }
    if (status == CT_OK) {
        status = xapi_field_required_iri(account, where, "homePage", err);
    }
    if (status == CT_OK) {
        status = xapi_field_string(account, where, "name", true, err);
    }
    return status;
}

/* The inverse functional identifiers of an Agent or Group: counts them into *count. */
static enum ct_status check_identifiers(const json_t *agent, const char *prefix, int *count,
                                        struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    *count = 0;
    json_t *mbox = xapi_field_get(agent, prefix, "mbox", where);
    if (mbox != NULL) {
        (*count)++;
        if (!json_is_string(mbox)) {
            return json_read_wrong_type(where, "a mailto: address", mbox, err);
        }
        const char *text = json_string_value(mbox);
        if (strncmp(text, "mailto:", 7) != 0 || strchr(text + 7, '@') == NULL) {
            return ct_err_set(err, CT_ERR_INPUT, where, "not a mailto: address: \"%.200s\"", text);
        }
    }
    json_t *sum = xapi_field_get(agent, prefix, "mbox_sha1sum", where);
    if (sum != NULL) {
        (*count)++;
        if (!json_is_string(sum) || !is_hex(json_string_value(sum), 40)) {
            return ct_err_set(err, CT_ERR_INPUT, where, "not a SHA-1 sum in hexadecimal");
        }
    }
    json_t *openid = xapi_field_get(agent, prefix, "openid", where);
    if (openid != NULL) {
        (*count)++;
        enum ct_status status = xapi_field_iri(openid, where, err);
        if (status != CT_OK) {
            return status;
        }
    }
    json_t *account = xapi_field_get(agent, prefix, "account", where);
    if (account != NULL) {
        (*count)++;
        return check_account(account, where, err);
    }
    return CT_OK;
}

static enum ct_status check_group_members(const json_t *group, const char *prefix, bool anonymous,
                                          struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *members = xapi_field_get(group, prefix, "member", where);
    if (members == NULL) {
        return anonymous ? ct_err_set(err, CT_ERR_INPUT, where,
                                      "an anonymous Group (no identifier) lists its members")
                         : CT_OK;
    }
    if (!json_is_array(members)) {
        return json_read_wrong_type(where, "an array of Agents", members, err);
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
        enum ct_status status = xapi_check_agent(member, at, false, false, err);
        if (status != CT_OK) {
            return status;
        }
    }
    return CT_OK;
}

enum ct_status xapi_check_agent(const json_t *agent, const char *where, bool allow_group,
                                bool object_type_required, struct ct_err *err)
{
    static const char *const agent_keys[] = {"objectType", "name",    "mbox", "mbox_sha1sum",
                                             "openid",     "account", NULL};
    static const char *const group_keys[] = {"objectType", "name",    "mbox",   "mbox_sha1sum",
                                             "openid",     "account", "member", NULL};
    enum ct_status status = json_read_expect_object(agent, where, err);
    if (status != CT_OK) {
        return status;
    }
    char at[JSON_PATH_SIZE];
    json_t *type = xapi_field_get(agent, where, "objectType", at);
    if (type != NULL && !json_is_string(type)) {
        return json_read_wrong_type(at, "a string", type, err);
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
        status = xapi_field_string(agent, where, "name", false, err);
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

static bool has_identifier(const json_t *agent)
{
    return json_object_get(agent, "mbox") != NULL ||
           json_object_get(agent, "mbox_sha1sum") != NULL ||
           json_object_get(agent, "openid") != NULL || json_object_get(agent, "account") != NULL;
}

enum ct_status xapi_check_agent_authority(const json_t *statement, const char *prefix,
                                          struct ct_err *err)
{
    char where[JSON_PATH_SIZE];
    json_t *authority = xapi_field_get(statement, prefix, "authority", where);
    if (authority == NULL) {
        return CT_OK;
    }
    enum ct_status status = xapi_check_agent(authority, where, true, false, err);
    const char *type = xapi_field_object_type(authority);
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
