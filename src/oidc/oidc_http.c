#include "oidc_http.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

struct answer_body {
    struct buf text;
    bool too_large;
};

static size_t keep_body(char *data, size_t size, size_t count, void *context)
{
    struct answer_body *body = context;
    size_t length = size * count;
    if (buf_append(&body->text, data, length) != CT_OK) {
        body->too_large = true;
        return 0;
    }
    return length;
}

/* Only http and https: never file://, or any other protocol a URL could name. */
static bool protocols_limited(CURL *curl)
{
#if LIBCURL_VERSION_NUM >= 0x075500
    return curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
#else
    return curl_easy_setopt(curl, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS)) ==
           CURLE_OK;
#endif
}

/* A handle set up for url: limits, protocols, TLS checks, the answer into body. */
static CURL *handle_new(const char *url, struct answer_body *body, char *error_text)
{
    CURL *curl = curl_easy_init();
    if (curl == NULL) {
        return NULL;
    }
    bool good = curl_easy_setopt(curl, CURLOPT_URL, url) == CURLE_OK && protocols_limited(curl) &&
                curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)OIDC_HTTP_TIMEOUT) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)OIDC_HTTP_LIMIT) ==
                    CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_body) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_WRITEDATA, body) == CURLE_OK &&
                curl_easy_setopt(curl, CURLOPT_USERAGENT, "certtrack") == CURLE_OK;
    if (!good) {
        curl_easy_cleanup(curl);
        return NULL;
    }
    return curl;
}

/* Runs curl and reads its answer as a JSON object. */
static enum ct_status perform(const char *where, const char *url, CURL *curl,
                              struct answer_body *body, const char *error_text, json_t **answer,
                              long *http_status, struct ct_err *err)
{
    CURLcode code = curl_easy_perform(curl);
    if (code != CURLE_OK) {
        return ct_err_set(err, CT_ERR_IO, where, "%s: %s", url,
                          body->too_large         ? "the answer is too large"
                          : error_text[0] != '\0' ? error_text
                                                  : curl_easy_strerror(code));
    }
    if (curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, http_status) != CURLE_OK) {
        *http_status = 0;
    }
    json_error_t json_error;
    json_t *read = json_loadb(buf_str(&body->text), body->text.length, 0, &json_error);
    if (!json_is_object(read)) {
        json_decref(read);
        return ct_err_set(err, CT_ERR_IO, where, "%s answered %ld with no JSON object", url,
                          *http_status);
    }
    *answer = read;
    return CT_OK;
}

enum ct_status oidc_http_get_json(const char *where, const char *url, json_t **answer,
                                  long *http_status, struct ct_err *err)
{
    *answer = NULL;
    *http_status = 0;
    struct answer_body body = {.too_large = false};
    buf_init(&body.text, OIDC_HTTP_LIMIT);
    char error_text[CURL_ERROR_SIZE] = "";
    CURL *curl = handle_new(url, &body, error_text);
    enum ct_status status = curl == NULL ? ct_err_nomem(err) : CT_OK;
    if (status == CT_OK) {
        status = perform(where, url, curl, &body, error_text, answer, http_status, err);
    }
    if (status == CT_OK && *http_status != 200) {
        json_decref(*answer);
        *answer = NULL;
        status = ct_err_set(err, CT_ERR_IO, where, "%s answered %ld, not 200", url, *http_status);
    }
    curl_easy_cleanup(curl);
    buf_release(&body.text);
    return status;
}

enum ct_status oidc_http_post_form(const char *where, const char *url, const char *form,
                                   const struct oidc_http_basic *basic, json_t **answer,
                                   long *http_status, struct ct_err *err)
{
    *answer = NULL;
    *http_status = 0;
    struct answer_body body = {.too_large = false};
    buf_init(&body.text, OIDC_HTTP_LIMIT);
    char error_text[CURL_ERROR_SIZE] = "";
    CURL *curl = handle_new(url, &body, error_text);
    bool good = curl != NULL && curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form) == CURLE_OK;
    if (good && basic != NULL && basic->user != NULL) {
        good = curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC) == CURLE_OK &&
               curl_easy_setopt(curl, CURLOPT_USERNAME, basic->user) == CURLE_OK &&
               curl_easy_setopt(curl, CURLOPT_PASSWORD, basic->password) == CURLE_OK;
    }
    enum ct_status status = good ? CT_OK : ct_err_nomem(err);
    if (status == CT_OK) {
        status = perform(where, url, curl, &body, error_text, answer, http_status, err);
    }
    curl_easy_cleanup(curl);
    buf_release(&body.text);
    return status;
}

enum ct_status oidc_http_escape(const char *text, char **out, struct ct_err *err)
{
    *out = NULL;
    char *escaped = curl_easy_escape(NULL, text, 0);
    if (escaped == NULL) {
        return ct_err_nomem(err);
    }
    *out = strdup(escaped);
    curl_free(escaped);
    return *out != NULL ? CT_OK : ct_err_nomem(err);
}
