#include "server.h"

#include <arpa/inet.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../io/clock.h"
#include "../oidc/oidc_provider.h"
#include "../store/store_open.h"
#include "../store/store_people.h"
#include "api/api.h"
#include "api/api_json.h"
#include "http/assets.h"
#include "http/connection_guard.h"
#include "pages/dashboard.h"
#include "http/rate_limit.h"
#include "http/request_text.h"
#include "routes.h"
#include "html/layout.h"
#include "../core/banned.h"

enum { POOL_SIZE = 16 };

/* Open store connections waiting for a request. */
struct connection_pool {
    pthread_mutex_t lock;
    struct store *idle[POOL_SIZE];
    size_t idle_count;
    const struct web_config *config;
};

struct server {
    struct connection_pool pool;
    const struct web_config *config;
    pthread_mutex_t lms_write_lock; /* see struct web_request */
    pthread_mutex_t pdf_lock;       /* see struct web_request */
    struct rate_limit public_limit; /* see struct web_request */
    struct oidc_cache oidc_cache;   /* see struct web_request */
    struct connection_guard guard;  /* who holds connections, and each request's deadline */
};

/* One request being received: its body so far or, for a multipart/form-data upload to
 * a route that takes one, its fields and its file (streamed to a temporary file). */
struct pending_request {
    struct buf body;
    bool too_large;
    bool is_upload;                 /* multipart/form-data to a route that takes uploads */
    struct MHD_PostProcessor *post; /* its reader, until the body has been read */
    struct web_form form;           /* an upload's fields but the file, in order */
    struct web_upload upload;       /* its file */
    int64_t received;               /* bytes of the upload's body so far */
    bool file_part;                 /* the part being read is the file kept */
    bool broken;                    /* not well-formed multipart: the request is refused */
    bool write_failed;              /* the temporary file could not be written */
};

static struct store *pool_take(struct connection_pool *pool, struct ct_err *err)
{
    pthread_mutex_lock(&pool->lock);
    struct store *store = pool->idle_count > 0 ? pool->idle[--pool->idle_count] : NULL;
    pthread_mutex_unlock(&pool->lock);
    if (store != NULL) {
        return store;
    }
    store = calloc(1, sizeof *store);
    if (store == NULL) {
        ct_err_nomem(err);
        return NULL;
    }
    if (store_open(store, pool->config->db_path, false, pool->config->programs, err) != CT_OK) {
        free(store);
        return NULL;
    }
    store->templates = pool->config->templates;
    return store;
}

static void pool_give(struct connection_pool *pool, struct store *store)
{
    pthread_mutex_lock(&pool->lock);
    if (pool->idle_count < POOL_SIZE) {
        pool->idle[pool->idle_count++] = store;
        store = NULL;
    }
    pthread_mutex_unlock(&pool->lock);
    if (store != NULL) {
        store_close(store);
        free(store);
    }
}

static void pool_release(struct connection_pool *pool)
{
    for (size_t i = 0; i < pool->idle_count; i++) {
        store_close(pool->idle[i]);
        free(pool->idle[i]);
    }
    pool->idle_count = 0;
    pthread_mutex_destroy(&pool->lock);
}

/* ---- reading the request ---- */

/* Decodes one application/x-www-form-urlencoded component in place; false when it
 * held a NUL byte (the text is then cut there). */
static bool form_decode(char *text)
{
    for (char *c = text; *c != '\0'; c++) {
        if (*c == '+') {
            *c = ' ';
        }
    }
    size_t length = MHD_http_unescape(text);
    return strlen(text) == length;
}

static void form_parse(struct web_form *form, char *body)
{
    char *cursor = body;
    while (cursor != NULL && *cursor != '\0' && form->count < WEB_FORM_MAX_FIELDS) {
        char *next = strchr(cursor, '&');
        if (next != NULL) {
            *next++ = '\0';
        }
        char *equals = strchr(cursor, '=');
        char *value = equals != NULL ? equals + 1 : cursor + strlen(cursor);
        if (equals != NULL) {
            *equals = '\0';
        }
        bool whole = form_decode(cursor);
        whole = form_decode(value) && whole;
        if (!whole && !form->has_nul) {
            form->has_nul = true;
            form->nul_index = form->count;
        }
        form->names[form->count] = strdup(cursor);
        form->values[form->count] = strdup(value);
        if (form->names[form->count] == NULL || form->values[form->count] == NULL) {
            free(form->names[form->count]);
            free(form->values[form->count]);
            break;
        }
        form->count++;
        cursor = next;
    }
}

static void form_release(struct web_form *form)
{
    for (size_t i = 0; i < form->count; i++) {
        free(form->names[i]);
        free(form->values[i]);
    }
    form->count = 0;
}

/* Loads who is signed in: from a personal API token for /api/, else from the session
 * cookie. */
static enum ct_status load_person(struct web_request *request, struct ct_err *err)
{
    bool found = false;
    enum ct_status status = CT_OK;
    if (request->bearer_token != NULL) {
        /* API clients: a personal token, only for /api/ (no cookies, so no CSRF). */
        if (strncmp(request->path, "/api/", 5) == 0) {
            status = store_token_person(request->store, request->bearer_token, request->now,
                                        &request->person_id, err);
        }
        found = request->person_id != 0;
        request->by_token = found;
    } else {
        struct store_session_found session;
        status = store_session_find_idle(request->store, request->session_cookie, request->now,
                                         web_session_idle_seconds(request->config), &session, err);
        found = session.found;
        request->person_id = session.person_id;
        request->session_seconds_left = session.seconds_left;
        snprintf(request->csrf, sizeof request->csrf, "%s", session.csrf);
    }
    if (status != CT_OK || !found) {
        return status;
    }
    struct person_roles person;
    status = store_person_get_roles(request->store, request->person_id, &person,
                                    &request->signed_in, err);
    /* A deactivated person's sessions and tokens no longer sign them in. */
    request->signed_in = request->signed_in && person.active;
    if (status == CT_OK && request->signed_in) {
        snprintf(request->name, sizeof request->name, "%s", person.name);
        request->library_id = person.library_id;
        request->roles = person.roles;
    }
    return status;
}

static enum MHD_Result on_pair(void *context, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
    (void)kind;
    web_pairs_add(context, key, value);
    return MHD_YES;
}

/* Reads the request's query, headers and cookies into request, once. */
static void read_pairs(struct MHD_Connection *connection, struct web_request *request)
{
    (void)MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, on_pair, &request->query);
    (void)MHD_get_connection_values(connection, MHD_HEADER_KIND, on_pair, &request->headers);
    (void)MHD_get_connection_values(connection, MHD_COOKIE_KIND, on_pair, &request->cookies);
}

/* ---- uploads (multipart/form-data) ---- */

enum {
    UPLOAD_FIELD_LIMIT = 64 * 1024, /* the longest value of a field but the file */
    UPLOAD_PROCESSOR_BUFFER = 64 * 1024,
};

/* The file part: the first part named "file" that has a file name is kept, in a
 * temporary file (deleted when closed); any other file part is dropped. */
static void upload_file_part(struct pending_request *pending, const char *key, const char *filename,
                             const char *data, uint64_t offset, size_t size)
{
    struct web_upload *upload = &pending->upload;
    if (offset == 0) {
        pending->file_part = strcmp(key, "file") == 0 && upload->file == NULL && !upload->too_large;
        if (pending->file_part) {
            upload->file = tmpfile();
            pending->write_failed = upload->file == NULL;
            snprintf(upload->name, sizeof upload->name, "%s", filename);
            upload->name_not_text = !request_text_is_text(filename, strlen(filename));
        }
    }
    if (!pending->file_part || upload->file == NULL || size == 0) {
        return;
    }
    if (upload->size + (int64_t)size > WEB_UPLOAD_LIMIT) {
        upload->too_large = true;
        fclose(upload->file);
        upload->file = NULL;
        pending->file_part = false;
        return;
    }
    if (fwrite(data, 1, size, upload->file) != size) {
        pending->write_failed = true;
    }
    upload->size += (int64_t)size;
}

/* Another field: a new one at offset 0, else more of the last one's value. */
static void upload_field_part(struct pending_request *pending, const char *key, const char *data,
                              uint64_t offset, size_t size)
{
    struct web_form *form = &pending->form;
    if (offset == 0) {
        if (form->count == WEB_FORM_MAX_FIELDS) {
            return;
        }
        form->names[form->count] = strdup(key);
        form->values[form->count] = strdup("");
        if (form->names[form->count] == NULL || form->values[form->count] == NULL) {
            free(form->names[form->count]);
            free(form->values[form->count]);
            form->names[form->count] = NULL;
            form->values[form->count] = NULL;
            pending->broken = true;
            return;
        }
        form->count++;
    }
    if (form->count == 0 || size == 0 || strcmp(form->names[form->count - 1], key) != 0) {
        return;
    }
    if (memchr(data, '\0', size) != NULL && !form->has_nul) {
        form->has_nul = true;
        form->nul_index = form->count - 1;
    }
    char **value = &form->values[form->count - 1];
    size_t length = strlen(*value);
    if (length + size > UPLOAD_FIELD_LIMIT) {
        pending->broken = true;
        return;
    }
    char *longer = realloc(*value, length + size + 1);
    if (longer == NULL) {
        pending->broken = true;
        return;
    }
    memcpy(longer + length, data, size);
    longer[length + size] = '\0';
    *value = longer;
}

static enum MHD_Result on_upload_part(void *context, enum MHD_ValueKind kind, const char *key,
                                      const char *filename, const char *content_type,
                                      const char *transfer_encoding, const char *data,
                                      uint64_t offset, size_t size)
{
    (void)kind;
    (void)content_type;
    (void)transfer_encoding;
    struct pending_request *pending = context;
    if (key == NULL) {
        return MHD_YES;
    }
    if (filename != NULL) {
        upload_file_part(pending, key, filename, data, offset, size);
    } else {
        pending->file_part = false;
        upload_field_part(pending, key, data, offset, size);
    }
    return MHD_YES;
}

/* Whether the person whose session the request carries may upload to this route (its
 * roles, from the route table). Anyone else's body is read as any other, within 1 MiB,
 * and then refused by the route table as usual. */
static bool upload_permitted(struct server *server, struct MHD_Connection *connection,
                             const char *url, const char *method)
{
    if (!routes_take_upload(method, url, ~0u)) {
        return false;
    }
    struct ct_err err = {0};
    struct web_request request = {
        .path = url,
        .session_cookie =
            MHD_lookup_connection_value(connection, MHD_COOKIE_KIND, "certtrack_session"),
        .now = (int64_t)time(NULL),
    };
    request.store = pool_take(&server->pool, &err);
    if (request.store == NULL) {
        return false;
    }
    bool permitted = load_person(&request, &err) == CT_OK && request.signed_in &&
                     routes_take_upload(method, url, request.roles);
    pool_give(&server->pool, request.store);
    return permitted;
}

/* Starts reading the body as an upload when the route takes one from this person and
 * the body is multipart/form-data. */
static void upload_begin(struct server *server, struct MHD_Connection *connection, const char *url,
                         const char *method, struct pending_request *pending)
{
    const char *type = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Type");
    if (type == NULL || strncmp(type, "multipart/form-data", 19) != 0 ||
        !upload_permitted(server, connection, url, method)) {
        return;
    }
    pending->is_upload = true;
    pending->post =
        MHD_create_post_processor(connection, UPLOAD_PROCESSOR_BUFFER, on_upload_part, pending);
    pending->broken = pending->post == NULL;
}

/* Feeds a piece of an upload's body to the multipart reader, unless it is over its
 * limit (the file's, plus 1 MiB for the other fields) or cannot be read. */
static void upload_feed(struct pending_request *pending, const char *data, size_t size)
{
    pending->received += (int64_t)size;
    if (pending->received > WEB_UPLOAD_LIMIT + SERVER_BODY_LIMIT && !pending->upload.too_large) {
        pending->upload.too_large = true;
        if (pending->upload.file != NULL) {
            fclose(pending->upload.file);
            pending->upload.file = NULL;
        }
    }
    if (pending->upload.too_large || pending->broken || pending->write_failed) {
        return;
    }
    if (MHD_post_process(pending->post, data, size) != MHD_YES) {
        pending->broken = true;
    }
}

/* Ends the upload's reading: the file is flushed and rewound for the handler. False
 * when the body was not well-formed or the file could not be kept. */
static bool upload_end(struct pending_request *pending)
{
    if (pending->post != NULL && MHD_destroy_post_processor(pending->post) != MHD_YES &&
        !pending->upload.too_large) {
        pending->broken = true;
    }
    pending->post = NULL;
    struct web_upload *upload = &pending->upload;
    if (upload->file != NULL && (fflush(upload->file) != 0 || fseek(upload->file, 0, SEEK_SET))) {
        pending->write_failed = true;
    }
    return !pending->broken && !pending->write_failed;
}

/* The answer to an upload that could not be read: 400 when it was not well-formed, 500
 * when its file could not be kept (logged). A plain sentence: the body may have been
 * cut short, so no form can be shown again. */
static void upload_refused(const struct pending_request *pending, const char *url,
                           const char *method, struct web_response *response)
{
    response->status = pending->write_failed ? 500 : 400;
    response->content_type = "text/plain; charset=utf-8";
    if (pending->write_failed) {
        fprintf(stderr, "certtrack serve: %s %s: cannot keep the uploaded file\n", method, url);
    }
    const char *text = pending->write_failed ? "Something went wrong on our side.\n"
                                             : "The upload is not well-formed.\n";
    if (buf_append_str(&response->body, text) != CT_OK) {
        response->status = 500; /* an empty answer, with its status */
    }
}

static void pending_free(struct pending_request *pending)
{
    if (pending->post != NULL) {
        (void)MHD_destroy_post_processor(pending->post);
    }
    if (pending->upload.file != NULL) {
        fclose(pending->upload.file);
    }
    form_release(&pending->form);
    buf_release(&pending->body);
    free(pending);
}

/* ---- answering ---- */

/* Style sheets, scripts, fonts and images are built into the binary: answered without
 * a session or a database connection, and cached by browsers for a day. */
static bool serve_asset(const char *method, const char *url, struct web_response *response)
{
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        return false;
    }
    const struct asset *asset = asset_find(url);
    if (asset == NULL) {
        return false;
    }
    response->content_type = asset->content_type;
    response->asset = asset;
    return true;
}

static enum MHD_Result send_response(struct MHD_Connection *connection,
                                     struct web_response *response)
{
    struct MHD_Response *reply =
        response->asset != NULL
            ? MHD_create_response_from_buffer(response->asset->size, (void *)response->asset->data,
                                              MHD_RESPMEM_PERSISTENT)
            : MHD_create_response_from_buffer(
                  response->body.length, (void *)buf_str(&response->body), MHD_RESPMEM_MUST_COPY);
    if (reply == NULL) {
        return MHD_NO;
    }
    MHD_add_response_header(reply, "Content-Type",
                            response->content_type != NULL ? response->content_type
                                                           : "text/plain; charset=utf-8");
    MHD_add_response_header(reply, "Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self';"
                            " img-src 'self' data:; object-src 'none'; base-uri 'none';"
                            " form-action 'self'; frame-ancestors 'none'");
    MHD_add_response_header(reply, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(reply, "Referrer-Policy", "same-origin");
    MHD_add_response_header(reply, "X-Frame-Options", "DENY");
    bool own_cache_control = false;
    for (size_t i = 0; i < response->header_count; i++) {
        own_cache_control |= strcmp(response->headers[i].name, "Cache-Control") == 0;
    }
    if (!own_cache_control) {
        MHD_add_response_header(reply, "Cache-Control",
                                response->asset != NULL ? "public, max-age=86400" : "no-store");
    }
    for (size_t i = 0; i < response->cookie_count; i++) {
        MHD_add_response_header(reply, "Set-Cookie", response->cookies[i]);
    }
    if (response->location[0] != '\0') {
        MHD_add_response_header(reply, "Location", response->location);
    }
    for (size_t i = 0; i < response->header_count; i++) {
        MHD_add_response_header(reply, response->headers[i].name, response->headers[i].value);
    }
    enum MHD_Result result = MHD_queue_response(connection, response->status, reply);
    MHD_destroy_response(reply);
    return result;
}

/* The address the proxy in front appended to X-Forwarded-For (its last entry), into out,
 * when it is an IPv4 or IPv6 address in text; false otherwise. */
static bool forwarded_address(struct MHD_Connection *connection, char *out, size_t size)
{
    const char *header =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "X-Forwarded-For");
    if (header == NULL) {
        return false;
    }
    const char *last = strrchr(header, ',');
    last = last != NULL ? last + 1 : header;
    last += strspn(last, " \t");
    size_t length = strcspn(last, " \t");
    if (length == 0 || length >= size || length > 45 || last[length] != '\0' ||
        strspn(last, "0123456789abcdefABCDEF:.") != length) {
        return false;
    }
    memcpy(out, last, length);
    out[length] = '\0';
    return true;
}

/* The client's address: the connection's, or, behind a proxy the configuration trusts,
 * the one the proxy forwarded (on a connection from one of the proxy's addresses, when
 * they are configured). */
static const char *client_address(struct server *server, struct MHD_Connection *connection,
                                  char *out, size_t size)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *peer = info != NULL ? info->client_addr : NULL;
    if (server->config->trust_proxy && connection_guard_forwards(&server->guard, peer) &&
        forwarded_address(connection, out, size)) {
        return out;
    }
    snprintf(out, size, "unknown");
    if (info != NULL && info->client_addr != NULL && info->client_addr->sa_family == AF_INET) {
        const unsigned char *bytes =
            (const unsigned char *)&((const struct sockaddr_in *)info->client_addr)->sin_addr;
        snprintf(out, size, "%u.%u.%u.%u", bytes[0], bytes[1], bytes[2], bytes[3]);
    }
    return out;
}

/* The token of an "Authorization: Bearer <token>" header, or NULL. */
static const char *bearer_token(const struct web_request *request)
{
    const char *header = web_header_value(request, "Authorization");
    if (header == NULL || strncmp(header, "Bearer ", 7) != 0) {
        return NULL;
    }
    return header + 7;
}

/* A request whose text is not UTF-8 (or holds a NUL): 400 naming the field, as JSON for
 * the API and the xAPI resource, else as a page; nothing has run, so nothing is saved. */
static enum ct_status refuse_not_text(struct web_request *request, struct web_response *response,
                                      const struct request_text_problem *problem)
{
    char message[240];
    if (problem->name[0] != '\0') {
        snprintf(message, sizeof message, "The %s \"%s\" %s; nothing was saved.", problem->kind,
                 problem->name, problem->what);
    } else {
        snprintf(message, sizeof message, "The %s %s; nothing was saved.", problem->kind,
                 problem->what);
    }
    if (strncmp(request->path, "/api/", 5) == 0 || strncmp(request->path, "/xapi/", 6) == 0) {
        return api_json_error(response, 400, "not-text", message,
                              problem->name[0] != '\0' ? problem->name : NULL);
    }
    return page_error(request, response, 400, "The request could not be read", message);
}

/* Reads everything the handlers see of the request into *request, once: the method,
 * path, query, headers, cookies, the form (or the upload's fields and file) and the
 * client's address (into address, size bytes). */
static void request_read(struct server *server, struct MHD_Connection *connection, const char *url,
                         const char *method, struct pending_request *pending,
                         struct web_request *request, char *address, size_t size)
{
    *request = (struct web_request){
        .config = server->config,
        /* HEAD is answered for every GET route: libmicrohttpd sends the headers alone. */
        .method = strcmp(method, "HEAD") == 0 ? "GET" : method,
        .path = url,
        .client_address = client_address(server, connection, address, size),
        .now = (int64_t)time(NULL),
        .lms_write_lock = &server->lms_write_lock,
        .pdf_lock = &server->pdf_lock,
        .public_limit = &server->public_limit,
        .oidc_cache = &server->oidc_cache,
        .body = buf_str(&pending->body),
        .body_length = pending->body.length,
    };
    read_pairs(connection, request);
    request->query_as_of = web_query_value(request, "as_of");
    request->session_cookie = web_cookie_value(request, "certtrack_session");
    request->login_csrf_cookie = web_cookie_value(request, "certtrack_login");
    request->bearer_token = bearer_token(request);
    const char *type = web_header_value(request, "Content-Type");
    request->content_type = type;
    if (pending->is_upload) {
        /* An upload: its fields move to the request; its file stays the pending one's. */
        request->form = pending->form;
        memset(&pending->form, 0, sizeof pending->form);
        request->upload = pending->upload;
    } else if (strcmp(method, "POST") == 0 && type != NULL &&
               strncmp(type, "application/x-www-form-urlencoded", 33) == 0 &&
               pending->body.length > 0) {
        form_parse(&request->form, pending->body.data);
    }
    api_json_parse_body(request);
}

static void handle(struct server *server, struct MHD_Connection *connection, const char *url,
                   const char *method, struct pending_request *pending,
                   struct web_response *response)
{
    struct ct_err err = {0};
    char address[64];
    struct web_request request;
    request_read(server, connection, url, method, pending, &request, address, sizeof address);
    enum ct_status status = clock_today(&request.today, &err);
    request.store = status == CT_OK ? pool_take(&server->pool, &err) : NULL;
    if (request.store == NULL) {
        status = CT_ERR_IO;
    }
    /* Routes that authenticate otherwise (the xAPI resource) read no session. */
    if (status == CT_OK && routes_use_sessions(url)) {
        status = load_person(&request, &err);
    }
    struct request_text_problem problem;
    if (status == CT_OK && !request_text_check(&request, &problem)) {
        status = refuse_not_text(&request, response, &problem);
    } else if (status == CT_OK) {
        status = routes_dispatch(&request, response);
    }
    if (status != CT_OK) {
        char line[1024];
        ct_err_format(&err, line, sizeof line);
        fprintf(stderr, "certtrack serve: %s %s: %s\n", method, url,
                line[0] != '\0' ? line : ct_status_name(status));
        buf_release(&response->body);
        response->status = 500;
        response->content_type = "text/plain; charset=utf-8";
        if (buf_append_str(&response->body, "Something went wrong on our side.\n") != CT_OK) {
            buf_release(&response->body); /* the 500 alone says it */
        }
    }
    if (request.store != NULL) {
        pool_give(&server->pool, request.store);
    }
    form_release(&request.form);
    json_decref(request.json);
    arena_release(&request.arena);
}

/* ---- slow and greedy clients (connection_guard.h) ---- */

static int64_t monotonic_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* The guard's entry for the connection (NULL when it has none). */
static struct connection_guard_connection *guarded(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info != NULL ? info->socket_context : NULL;
}

/* The accept policy: a new connection from address, before libmicrohttpd sets it up. */
static enum MHD_Result on_accept(void *context, const struct sockaddr *address,
                                 socklen_t address_length)
{
    (void)address_length;
    struct server *server = context;
    return connection_guard_admits(&server->guard, address) ? MHD_YES : MHD_NO;
}

static void on_connection(void *context, struct MHD_Connection *connection, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct server *server = context;
    if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        connection_guard_closed(&server->guard, *socket_context);
        *socket_context = NULL;
        return;
    }
    const union MHD_ConnectionInfo *peer =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const union MHD_ConnectionInfo *fd =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    *socket_context = fd == NULL ? NULL
                                 : connection_guard_opened(&server->guard,
                                                           peer != NULL ? peer->client_addr : NULL,
                                                           fd->connect_fd, monotonic_ms());
}

/* A request's headers are in: an upload the route takes from this person, or a batch
 * of xAPI statements, may take longer over its body than the request deadline. */
static void headers_in(struct server *server, struct MHD_Connection *connection, const char *url,
                       const struct pending_request *pending)
{
    if (pending->is_upload) {
        connection_guard_allow_body(&server->guard, guarded(connection), monotonic_ms(),
                                    CONNECTION_GUARD_UPLOAD_SECONDS);
    } else if (!routes_use_sessions(url)) {
        connection_guard_allow_body(&server->guard, guarded(connection), monotonic_ms(),
                                    CONNECTION_GUARD_XAPI_SECONDS);
    }
}

static enum MHD_Result on_request(void *context, struct MHD_Connection *connection, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **request_context)
{
    (void)version;
    struct server *server = context;
    struct pending_request *pending = *request_context;
    if (pending == NULL) {
        pending = calloc(1, sizeof *pending);
        if (pending == NULL) {
            return MHD_NO;
        }
        buf_init(&pending->body,
                 routes_use_sessions(url) ? SERVER_BODY_LIMIT : SERVER_XAPI_BODY_LIMIT);
        *request_context = pending;
        upload_begin(server, connection, url, method, pending);
        headers_in(server, connection, url, pending);
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (pending->is_upload) {
            upload_feed(pending, upload_data, *upload_data_size);
        } else if (buf_append(&pending->body, upload_data, *upload_data_size) != CT_OK) {
            pending->too_large = true;
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    connection_guard_received(&server->guard, guarded(connection));
    struct web_response response = {.status = 200};
    buf_init(&response.body, (size_t)64 << 20);
    bool upload_read = !pending->is_upload || upload_end(pending);
    if (!upload_read) {
        upload_refused(pending, url, method, &response);
    } else if (pending->too_large) {
        if (routes_too_large(url, &response) != CT_OK) {
            buf_release(&response.body); /* the 413 alone says it */
            response.status = 413;
        }
    } else if (!serve_asset(method, url, &response)) {
        handle(server, connection, url, method, pending, &response);
    }
    enum MHD_Result result = send_response(connection, &response);
    buf_release(&response.body);
    return result;
}

static void on_completed(void *context, struct MHD_Connection *connection, void **request_context,
                         enum MHD_RequestTerminationCode code)
{
    (void)code;
    struct server *server = context;
    connection_guard_answered(&server->guard, guarded(connection), monotonic_ms());
    struct pending_request *pending = *request_context;
    if (pending != NULL) {
        /* A large body (an xAPI batch of up to 16 MiB, parsed into several times that)
         * leaves its memory free but held: give it back, so that the server's size stays
         * flat under repeated large batches. */
        bool large = pending->body.length > SERVER_BODY_LIMIT;
        pending_free(pending);
        *request_context = NULL;
        if (large) {
            malloc_trim(0);
        }
    }
}

static size_t unescape(void *context, struct MHD_Connection *connection, char *text)
{
    (void)context;
    (void)connection;
    return request_text_unescape(text);
}

static void server_release(struct server *server)
{
    pool_release(&server->pool);
    pthread_mutex_destroy(&server->lms_write_lock);
    pthread_mutex_destroy(&server->pdf_lock);
    rate_limit_release(&server->public_limit);
    oidc_cache_release(&server->oidc_cache);
    connection_guard_release(&server->guard);
}

/* The daemon: its pool of threads, each polling its share of the connections; the
 * guard's accept policy and connection notices; an inactivity timeout (a response the
 * client stops reading, an idle connection) besides the guard's request deadline. */
static struct MHD_Daemon *server_start(struct server *server, const struct sockaddr_in *address)
{
    return MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, server->config->port, on_accept,
        server, on_request, server, MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)address,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)server->config->threads, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, server, MHD_OPTION_NOTIFY_CONNECTION, on_connection, server,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)CONNECTION_GUARD_LIMIT, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
        MHD_OPTION_END);
}

enum ct_status server_run(const struct web_config *config, volatile sig_atomic_t *stop,
                          struct ct_err *err)
{
    struct server server = {.config = config};
    rate_limit_init(&server.public_limit);
    oidc_cache_init(&server.oidc_cache);
    connection_guard_init(&server.guard);
    server.pool.config = config;
    pthread_mutex_init(&server.pool.lock, NULL);
    pthread_mutex_init(&server.lms_write_lock, NULL);
    pthread_mutex_init(&server.pdf_lock, NULL);
    enum ct_status status =
        connection_guard_set_proxies(&server.guard, config->proxy_addresses, err);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(config->port)};
    if (status == CT_OK && inet_pton(AF_INET, config->address, &address.sin_addr) != 1) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "--listen", "not an IPv4 address: %s", config->address);
    }
    struct MHD_Daemon *daemon = status == CT_OK ? server_start(&server, &address) : NULL;
    if (status == CT_OK && daemon == NULL) {
        status = ct_err_set(err, CT_ERR_IO, "--listen", "cannot listen on %s:%u", config->address,
                            (unsigned)config->port);
    }
    for (unsigned tick = 1; daemon != NULL && !*stop; tick++) {
        usleep(100 * 1000);
        (void)connection_guard_sweep(&server.guard, monotonic_ms());
        /* Every 10 s, memory the request threads freed goes back to the system (PDFs and
         * batches leave many freed blocks between used ones), so that the server's size
         * stays flat however long it runs. */
        if (tick % 100 == 0) {
            malloc_trim(0);
        }
    }
    if (daemon != NULL) {
        MHD_stop_daemon(daemon);
    }
    server_release(&server);
    return status;
}

bool server_idle_seconds_parse(const char *text, int64_t *seconds)
{
    return session_idle_seconds_parse(text, seconds);
}
