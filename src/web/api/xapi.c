#include "xapi.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../harvest/xapi_receive.h"
#include "../../store/store_harvest_sites.h"
#include "api.h"
#include "../http/session.h"
#include "../../core/banned.h"

#define VERSION_HEADER "X-Experience-API-Version"

bool xapi_is_path(const char *path)
{
    return strncmp(path, "/xapi/", 6) == 0;
}

/* The version the request names, if this LRS speaks it. */
static bool request_version(const struct web_request *request, enum xapi_version *version)
{
    return request != NULL &&
           xapi_version_parse(web_header_value(request, VERSION_HEADER), version);
}

/* Every answer names the version spoken: the request's, or the latest. */
static void name_version(const struct web_request *request, struct web_response *response)
{
    enum xapi_version version = XAPI_VERSION_2_0;
    (void)request_version(request, &version);
    web_add_header(response, VERSION_HEADER, xapi_version_name(version));
}

enum ct_status xapi_error(const struct web_request *request, struct web_response *response,
                          unsigned status, const char *code, const char *message)
{
    name_version(request, response);
    return api_error(response, status, code, message);
}

/* "Authorization: Basic base64(key:secret)" split into key and secret (in decoded, of
 * size bytes). False when the header is missing or not that. */
static bool basic_credentials(const char *header, char *decoded, size_t size, const char **key,
                              const char **secret)
{
    if (header == NULL || strncasecmp(header, "Basic ", 6) != 0) {
        return false;
    }
    const char *text = header + 6;
    while (*text == ' ') {
        text++;
    }
    size_t length = 0;
    if (sodium_base642bin((unsigned char *)decoded, size - 1, text, strlen(text), NULL, &length,
                          NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
        return false;
    }
    decoded[length] = '\0';
    char *colon = strchr(decoded, ':');
    if (colon == NULL || strlen(decoded) != length) {
        return false;
    }
    *colon = '\0';
    *key = decoded;
    *secret = colon + 1;
    return true;
}

static enum ct_status refuse_credentials(const struct web_request *request,
                                         struct web_response *response)
{
    web_add_header(response, "WWW-Authenticate",
                   "Basic realm=\"certtrack xAPI\", charset=\"UTF-8\"");
    return xapi_error(request, response, 401, "unauthenticated",
                      "Send the site's xAPI key and secret (HTTP Basic).");
}

/* Failed Basic authentications are slowed like failed sign-ins (session.h): an address
 * past its free failures waits before it may try again; a key's failures make its wrong
 * secrets wait too, while its right one still passes. */
struct xapi_auth_keys {
    char address[LOGIN_KEY_SIZE];
    char key[LOGIN_KEY_SIZE];
};

static enum ct_status refuse_slowed(const struct web_request *request,
                                    struct web_response *response, int64_t wait);

/* A wrong key or secret: counted for the address and the key; answered 429 while the
 * key's failures (from anywhere) pass their free ones, else 401. The right secret is
 * never refused for the key's sake, so that failures elsewhere do not lock the site
 * out. */
static enum ct_status auth_failed(struct web_request *request, struct web_response *response,
                                  const struct xapi_auth_keys *keys)
{
    struct ct_err err = {0};
    int64_t wait = 0;
    enum ct_status status =
        store_login_wait_seconds(request->store, keys->key, request->now, &wait, &err);
    const char *const counted[] = {keys->address, keys->key};
    for (size_t i = 0; i < 2 && status == CT_OK; i++) {
        status = store_login_failure_record(request->store, counted[i], request->now, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    return wait > 0 ? refuse_slowed(request, response, wait)
                    : refuse_credentials(request, response);
}

static enum ct_status refuse_slowed(const struct web_request *request,
                                    struct web_response *response, int64_t wait)
{
    char seconds[24];
    snprintf(seconds, sizeof seconds, "%lld", (long long)wait);
    web_add_header(response, "Retry-After", seconds);
    return xapi_error(request, response, 429, "too-many-attempts",
                      "Too many failed authentications: wait, then send the right key and"
                      " secret.");
}

enum ct_status xapi_authenticate(struct web_request *request, struct web_response *response,
                                 bool *allowed)
{
    *allowed = false;
    char decoded[256];
    const char *key = NULL, *secret = NULL;
    if (!basic_credentials(web_header_value(request, "Authorization"), decoded, sizeof decoded,
                           &key, &secret)) {
        return refuse_credentials(request, response);
    }
    struct xapi_auth_keys keys;
    snprintf(keys.address, sizeof keys.address, "xapi-address:%.60s", request->client_address);
    snprintf(keys.key, sizeof keys.key, "xapi-key:%.60s", key);
    struct ct_err err = {0};
    int64_t wait = 0;
    enum ct_status status =
        store_login_wait_seconds(request->store, keys.address, request->now, &wait, &err);
    if (status != CT_OK || wait > 0) {
        sodium_memzero(decoded, sizeof decoded);
        return status == CT_OK ? refuse_slowed(request, response, wait) : status;
    }
    struct lms_site site;
    bool matches = false;
    status =
        store_harvest_site_check_credentials(request->store, key, secret, &site, &matches, &err);
    sodium_memzero(decoded, sizeof decoded);
    if (status != CT_OK) {
        return status;
    }
    if (!matches) {
        return auth_failed(request, response, &keys);
    }
    enum xapi_version version;
    if (!request_version(request, &version)) {
        return xapi_error(request, response, 400, "version",
                          "Name the xAPI version in the X-Experience-API-Version header:"
                          " 1.0.3 or 2.0.0.");
    }
    request->lms_site_id = site.id;
    *allowed = true;
    return CT_OK;
}

enum ct_status xapi_about(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    name_version(request, response);
    response->content_type = "application/json";
    return buf_append_str(&response->body, "{\"version\":[\"1.0.3\",\"2.0.0\"]}");
}

/* The body must be JSON: attachments (multipart/mixed) are not taken. */
static bool is_json_body(const struct web_request *request)
{
    const char *type = web_header_value(request, "Content-Type");
    return type != NULL && strncasecmp(type, "application/json", 16) == 0 &&
           (type[16] == '\0' || type[16] == ';' || type[16] == ' ');
}

static enum ct_status refuse_statements(const struct web_request *request,
                                        struct web_response *response,
                                        const struct xapi_receipt *receipt, enum ct_status status,
                                        const struct ct_err *err);

/* Receives the request's statements; on a refusal, the response says why. *received
 * tells whether they were stored (or had been before). */
static enum ct_status receive(struct web_request *request, struct web_response *response,
                              const char *statement_id, struct xapi_receipt *receipt,
                              bool *received)
{
    *received = false;
    enum xapi_version version = XAPI_VERSION_2_0;
    (void)request_version(request, &version);
    if (!is_json_body(request)) {
        return xapi_error(request, response, 400, "content-type",
                          "Send statements as application/json (certtrack takes no"
                          " attachment content).");
    }
    struct ct_err err = {0};
    enum ct_status status = xapi_receive_read(request->body, request->body_length, version,
                                              statement_id, receipt, &err);
    if (status == CT_OK) {
        pthread_mutex_lock(request->lms_write_lock);
        status = xapi_receive_store(request->store, request->lms_site_id, request->now * 1000,
                                    receipt, &err);
        pthread_mutex_unlock(request->lms_write_lock);
    }
    *received = status == CT_OK;
    return status == CT_OK ? CT_OK : refuse_statements(request, response, receipt, status, &err);
}

/* The answer to statements that were refused (status), or status itself when it is a
 * failure, not a refusal. */
static enum ct_status refuse_statements(const struct web_request *request,
                                        struct web_response *response,
                                        const struct xapi_receipt *receipt, enum ct_status status,
                                        const struct ct_err *err)
{
    if (status != CT_ERR_INPUT && status != CT_ERR_TOO_LARGE) {
        return status;
    }
    char message[1024];
    ct_err_format(err, message, sizeof message);
    if (receipt->conflict) {
        return xapi_error(request, response, 409, "conflict", message);
    }
    if (status == CT_ERR_TOO_LARGE) {
        return xapi_error(request, response, 413, "too-large", message);
    }
    return xapi_error(request, response, 400, "bad-statement", message);
}

/* The one argument either method knows, and what each says of it. */
#define STATEMENT_ID "statementId"

static enum ct_status query_argument_read(const struct web_query_argument *argument, bool put,
                                          const char **statement_id, struct ct_err *err)
{
    const char *name = argument->name;
    bool exact = strcmp(name, STATEMENT_ID) == 0;
    if (!exact && strcasecmp(name, STATEMENT_ID) == 0) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "parameter names are case-sensitive: the parameter is " STATEMENT_ID);
    }
    if (!exact) {
        return ct_err_set(err, CT_ERR_INPUT, name, "not a parameter of %s /xapi/statements (%s)",
                          put ? "PUT" : "POST",
                          put ? "it takes " STATEMENT_ID " alone" : "it takes none");
    }
    if (!put) {
        return ct_err_set(err, CT_ERR_INPUT, name,
                          "POST takes no statementId: put it in the statement, or use PUT");
    }
    if (*statement_id != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, name, "given twice");
    }
    *statement_id = argument->value != NULL ? argument->value : "";
    return CT_OK;
}

enum ct_status xapi_statements_query_read(const struct web_query_argument *arguments, size_t count,
                                          bool put, const char **statement_id, struct ct_err *err)
{
    *statement_id = NULL;
    if (count > XAPI_QUERY_ARGUMENTS_MAX) {
        return ct_err_set(err, CT_ERR_INPUT, "query", "%zu parameters: at most %d", count,
                          XAPI_QUERY_ARGUMENTS_MAX);
    }
    for (size_t i = 0; i < count; i++) {
        enum ct_status status = query_argument_read(&arguments[i], put, statement_id, err);
        if (status != CT_OK) {
            return status;
        }
    }
    if (put && *statement_id == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, STATEMENT_ID,
                          "missing: PUT needs ?statementId=UUID (POST makes the id)");
    }
    return CT_OK;
}

/* The request's query as either method reads it; on a refusal, the response says why
 * (*ok false). */
static enum ct_status statements_query(struct web_request *request, struct web_response *response,
                                       bool put, const char **statement_id, bool *ok)
{
    struct web_query_argument arguments[XAPI_QUERY_ARGUMENTS_MAX];
    size_t count = web_query_arguments(request, arguments, XAPI_QUERY_ARGUMENTS_MAX);
    struct ct_err err = {0};
    *ok = xapi_statements_query_read(arguments, count, put, statement_id, &err) == CT_OK;
    if (*ok) {
        return CT_OK;
    }
    char message[1024];
    ct_err_format(&err, message, sizeof message);
    return xapi_error(request, response, 400, "bad-request", message);
}

enum ct_status xapi_statements_post(struct web_request *request, struct web_response *response,
                                    int64_t id)
{
    (void)id;
    const char *statement_id = NULL;
    bool ok = false;
    enum ct_status status = statements_query(request, response, false, &statement_id, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct xapi_receipt receipt = {0};
    bool received = false;
    status = receive(request, response, NULL, &receipt, &received);
    if (status == CT_OK && received) {
        name_version(request, response);
        response->content_type = "application/json";
        status = buf_append_str(&response->body, "[");
        for (size_t i = 0; i < receipt.count && status == CT_OK; i++) {
            status = buf_printf(&response->body, "%s\"%s\"", i > 0 ? "," : "", receipt.ids[i]);
        }
        if (status == CT_OK) {
            status = buf_append_str(&response->body, "]");
        }
    }
    xapi_receipt_release(&receipt);
    return status;
}

enum ct_status xapi_statements_put(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    const char *statement_id = NULL;
    bool ok = false;
    enum ct_status status = statements_query(request, response, true, &statement_id, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct xapi_receipt receipt = {0};
    bool received = false;
    status = receive(request, response, statement_id, &receipt, &received);
    if (status == CT_OK && received) {
        name_version(request, response);
        response->status = 204;
    }
    xapi_receipt_release(&receipt);
    return status;
}
