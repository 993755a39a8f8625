#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../io/clock.h"
#include "assets.h"
#include "routes.h"
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
};

/* One request being received: its body so far. */
struct pending_request {
    struct buf body;
    bool too_large;
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

/* Decodes one application/x-www-form-urlencoded component in place. */
static void form_decode(char *text)
{
    for (char *c = text; *c != '\0'; c++) {
        if (*c == '+') {
            *c = ' ';
        }
    }
    MHD_http_unescape(text);
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
        form_decode(cursor);
        form_decode(value);
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

static unsigned role_bit(const char *role)
{
    static const struct {
        const char *name;
        unsigned bit;
    } roles[] = {{"learner", WEB_ROLE_LEARNER},
                 {"supervisor", WEB_ROLE_SUPERVISOR},
                 {"library-administrator", WEB_ROLE_LIBRARY_ADMINISTRATOR},
                 {"ce-coordinator", WEB_ROLE_CE_COORDINATOR},
                 {"consultant", WEB_ROLE_CONSULTANT}};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
        if (strcmp(roles[i].name, role) == 0) {
            return roles[i].bit;
        }
    }
    return 0;
}

/* Loads who is signed in, from the session cookie. */
static enum ct_status load_person(struct web_request *request, struct ct_err *err)
{
    bool found = false;
    enum ct_status status = CT_OK;
    if (request->bearer_token != NULL) {
        /* API clients: a personal token, only for /api/ (no cookies, so no CSRF). */
        if (strncmp(request->path, "/api/", 5) == 0) {
            status = api_token_person(request->store, request->bearer_token, request->now,
                                      &request->person_id, err);
        }
        found = request->person_id != 0;
    } else {
        status = session_find(request->store, request->session_cookie, request->now, &found,
                              &request->person_id, request->csrf, err);
    }
    if (status != CT_OK || !found) {
        return status;
    }
    struct db_stmt *stmt = NULL;
    status = db_prepare(request->store->db,
                        "SELECT p.name, COALESCE(p.library_id, 0), r.role FROM people p"
                        " LEFT JOIN person_roles r ON r.person_id = p.id WHERE p.id = ?",
                        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(request->person_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        request->signed_in = true;
        snprintf(request->name, sizeof request->name, "%s", db_column_text(stmt, 0));
        request->library_id = db_column_int64(stmt, 1);
        const char *role = db_column_text(stmt, 2);
        request->roles |= role != NULL ? role_bit(role) : 0;
    }
    db_finalize(stmt);
    return status;
}

const char *web_query_value(const struct web_request *request, const char *name)
{
    return MHD_lookup_connection_value(request->connection, MHD_GET_ARGUMENT_KIND, name);
}

const char *web_header_value(const struct web_request *request, const char *name)
{
    return MHD_lookup_connection_value(request->connection, MHD_HEADER_KIND, name);
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
    MHD_add_response_header(reply, "Cache-Control",
                            response->asset != NULL ? "public, max-age=86400" : "no-store");
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

static const char *client_address(struct MHD_Connection *connection, char *out, size_t size)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, size, "unknown");
    if (info != NULL && info->client_addr != NULL && info->client_addr->sa_family == AF_INET) {
        const unsigned char *bytes =
            (const unsigned char *)&((const struct sockaddr_in *)info->client_addr)->sin_addr;
        snprintf(out, size, "%u.%u.%u.%u", bytes[0], bytes[1], bytes[2], bytes[3]);
    }
    return out;
}

/* The token of an "Authorization: Bearer <token>" header, or NULL. */
static const char *bearer_token(struct MHD_Connection *connection)
{
    const char *header = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Authorization");
    if (header == NULL || strncmp(header, "Bearer ", 7) != 0) {
        return NULL;
    }
    return header + 7;
}

static void handle(struct server *server, struct MHD_Connection *connection, const char *url,
                   const char *method, struct pending_request *pending,
                   struct web_response *response)
{
    struct ct_err err = {0};
    char address[64];
    struct web_request request = {
        .config = server->config,
        .method = method,
        .path = url,
        .query_as_of = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "as_of"),
        .client_address = client_address(connection, address, sizeof address),
        .session_cookie =
            MHD_lookup_connection_value(connection, MHD_COOKIE_KIND, "certtrack_session"),
        .login_csrf_cookie =
            MHD_lookup_connection_value(connection, MHD_COOKIE_KIND, "certtrack_login"),
        .now = (int64_t)time(NULL),
        .connection = connection,
        .bearer_token = bearer_token(connection),
        .lms_write_lock = &server->lms_write_lock,
        .body = buf_str(&pending->body),
        .body_length = pending->body.length,
    };
    const char *type = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Type");
    if (strcmp(method, "POST") == 0 && type != NULL &&
        strncmp(type, "application/x-www-form-urlencoded", 33) == 0 && pending->body.length > 0) {
        form_parse(&request.form, pending->body.data);
    }
    enum ct_status status = clock_today(&request.today, &err);
    request.store = status == CT_OK ? pool_take(&server->pool, &err) : NULL;
    if (request.store == NULL) {
        status = CT_ERR_IO;
    }
    /* Routes that authenticate otherwise (the xAPI resource) read no session. */
    if (status == CT_OK && routes_use_sessions(url)) {
        status = load_person(&request, &err);
    }
    if (status == CT_OK) {
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
        (void)buf_append_str(&response->body, "Something went wrong on our side.\n");
    }
    if (request.store != NULL) {
        pool_give(&server->pool, request.store);
    }
    form_release(&request.form);
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
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (buf_append(&pending->body, upload_data, *upload_data_size) != CT_OK) {
            pending->too_large = true;
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    struct web_response response = {.status = 200};
    buf_init(&response.body, (size_t)64 << 20);
    if (pending->too_large) {
        (void)routes_too_large(url, &response);
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
    (void)context;
    (void)connection;
    (void)code;
    struct pending_request *pending = *request_context;
    if (pending != NULL) {
        buf_release(&pending->body);
        free(pending);
        *request_context = NULL;
    }
}

enum ct_status server_run(const struct web_config *config, volatile sig_atomic_t *stop,
                          struct ct_err *err)
{
    struct server server = {.config = config};
    server.pool.config = config;
    pthread_mutex_init(&server.pool.lock, NULL);
    pthread_mutex_init(&server.lms_write_lock, NULL);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(config->port)};
    if (inet_pton(AF_INET, config->address, &address.sin_addr) != 1) {
        pool_release(&server.pool);
        pthread_mutex_destroy(&server.lms_write_lock);
        return ct_err_set(err, CT_ERR_INPUT, "--listen", "not an IPv4 address: %s",
                          config->address);
    }
    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, config->port, NULL, NULL, on_request,
        &server, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)config->threads, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
        MHD_OPTION_END);
    if (daemon == NULL) {
        pool_release(&server.pool);
        pthread_mutex_destroy(&server.lms_write_lock);
        return ct_err_set(err, CT_ERR_IO, "--listen", "cannot listen on %s:%u", config->address,
                          (unsigned)config->port);
    }
    while (!*stop) {
        usleep(100 * 1000);
    }
    MHD_stop_daemon(daemon);
    pool_release(&server.pool);
    pthread_mutex_destroy(&server.lms_write_lock);
    return CT_OK;
}
