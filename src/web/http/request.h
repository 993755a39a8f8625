/*
 * web: the HTTP server's shared types: a request as the handlers see it, and the
 * response they fill. The server (server.c) does HTTP; the handlers (pages.c, api.c)
 * do the work through the store; the route table (routes.c) says who may call what.
 */
#ifndef CERTTRACK_WEB_H
#define CERTTRACK_WEB_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../../actions/action.h"
#include "../../core/arena.h"
#include "../../core/buf.h"
#include "../../core/civil_date.h"
#include "../../core/role.h"
#include "../../store/store.h"
#include "../../store/store_todo.h"
#include "session.h"

struct web_config {
    const char *db_path;
    const struct program_set *programs;     /* borrowed */
    const struct mail_templates *templates; /* borrowed; NULL: the built-in ones */
    const char *address;                    /* e.g. "127.0.0.1" */
    uint16_t port;
    bool secure_cookies;         /* behind HTTPS: cookies get Secure */
    bool trust_proxy;            /* behind a proxy: the client's address is the last entry of
                                    X-Forwarded-For (sign-in throttling, the public check's limit) */
    const char *proxy_addresses; /* borrowed, or NULL: the proxy's addresses, separated by
                                    commas (with trust_proxy): exempt from the connection
                                    caps, and the only ones whose X-Forwarded-For counts */
    unsigned threads;
    const json_t *signing_key;    /* borrowed: the issuer's private JWK (signing_key.h), or
                                     NULL when this server signs nothing */
    int64_t session_idle_seconds; /* a session ends after this without a request; 0:
                                     SESSION_IDLE_SECONDS (CERTTRACK_SESSION_IDLE_SECONDS) */
};

#define WEB_FORM_MAX_FIELDS 64

struct web_form {
    char *names[WEB_FORM_MAX_FIELDS];  /* owned */
    char *values[WEB_FORM_MAX_FIELDS]; /* owned */
    size_t count;
    bool has_nul;     /* a name or value as sent held a NUL byte (it is cut there) */
    size_t nul_index; /* when has_nul: the first such field */
};

/* The largest file a page takes as an upload (multipart/form-data, the routes that say
 * so in routes.c); every other request body is limited to 1 MiB (server.h). */
#define WEB_UPLOAD_LIMIT ((int64_t)64 * 1024 * 1024)

/* The file of a multipart/form-data upload, streamed by the server into a temporary
 * file as it arrives (never held in memory). */
struct web_upload {
    FILE *file;         /* the file's bytes, rewound; NULL when the request sent no file.
                           The server closes (and so deletes) it after the response. */
    char name[256];     /* its name as the browser gave it (cut to fit), or "" */
    int64_t size;       /* its length in bytes */
    bool too_large;     /* the request passed WEB_UPLOAD_LIMIT: the file (and the fields
                           after it) were dropped */
    bool name_not_text; /* the name as sent was not UTF-8 text without a NUL */
};

/* Name and value pairs of the request as sent (query arguments, headers, cookies), in
 * the order sent; names and values are borrowed from the server for the request. */
#define WEB_MAX_PAIRS 64

struct web_pair {
    const char *name;
    const char *value; /* NULL for a query's "?name" without "=" */
};

struct web_pairs {
    struct web_pair items[WEB_MAX_PAIRS];
    size_t count; /* items kept: the first WEB_MAX_PAIRS */
    size_t total; /* how many the request sent (more than count when some did not fit) */
};

/* Adds a pair (borrowed) to pairs, or only counts it when pairs is full. */
void web_pairs_add(struct web_pairs *pairs, const char *name, const char *value);

struct oidc_cache; /* oidc/oidc_provider.h */

/* One link of the main navigation: drawn for anyone holding one of roles (0: everyone
 * signed in). */
struct web_nav_item {
    const char *href;
    const char *label;
    unsigned roles;
};

/* A request as the handlers see it: everything read from HTTP once, before any handler
 * runs, so that a handler is a function of this struct (and the store) alone. */
struct web_request {
    const struct web_config *config;
    const char *method;
    const char *path;
    const char *query_as_of; /* ?as_of=, or NULL */
    struct web_pairs query;
    struct web_pairs headers;
    struct web_pairs cookies;
    const struct web_nav_item *nav; /* the main navigation (the route table's), borrowed */
    size_t nav_count;
    const char *client_address;
    const char *session_cookie; /* NULL when none */
    const char *login_csrf_cookie;
    const char *bearer_token; /* Authorization: Bearer, or NULL */
    const char *content_type; /* the Content-Type header, or NULL */
    struct web_upload upload; /* a multipart/form-data upload's file (routes that take one) */
    const char *body;         /* the request body (borrowed), NUL-terminated, "" when none; a
                               * form's is cut into its fields once read into form */
    size_t body_length;
    struct web_form form;
    /* The body read as JSON, once, for the API (/api/) when it is sent as
     * application/json: owned by the request (the server releases it); NULL when there is
     * none or it is not JSON, and then json_error says why ("" when no body was sent). */
    json_t *json;
    char json_error[300];
    /* Memory that lives as long as the request (what an API body's numbers become as
     * text, say); the server releases it after the response. */
    struct arena arena;
    struct store *store; /* this request's connection */
    int64_t sub_id;      /* the second {id} of the route's path (a library's goal), or 0 */
    int64_t now;         /* Unix seconds */
    struct civil_date today;
    /* The signed-in person, when there is one. */
    bool signed_in;
    bool by_token;                /* signed in by a personal API token, not by the session cookie */
    int64_t session_seconds_left; /* signed in by the session cookie: until it ends idle */
    int64_t person_id;
    unsigned roles;
    int64_t library_id;
    char name[128];
    char csrf[SESSION_TOKEN_SIZE];
    /* The LMS site authenticated by its xAPI credentials (routes.c), or 0. */
    int64_t lms_site_id;
    /* Held while an LMS site's statements are stored, so that concurrent requests
     * queue here rather than poll SQLite's write lock (the server's). */
    pthread_mutex_t *lms_write_lock;
    /* Held while a PDF is drawn (the server's, or NULL): cairo, Pango and fontconfig
     * share process-wide caches, so drawings are made one at a time. */
    pthread_mutex_t *pdf_lock;
    /* The per-address limit on public certificate checks (the server's), or NULL. */
    struct rate_limit *public_limit;
    /* The identity provider's discovery and keys, kept between requests (the server's),
     * or NULL: every sign-in discovers afresh. */
    struct oidc_cache *oidc_cache;
    /* What waits for the signed-in person, counted once for the navigation
     * (html/todo_queues.h) when todo_counted. */
    struct store_todo_counts todo_counts;
    bool todo_counted;
};

#define WEB_MAX_COOKIES 2
#define WEB_MAX_HEADERS 4

struct asset;

struct web_response {
    unsigned status;
    const char *content_type;
    struct buf body;
    char cookies[WEB_MAX_COOKIES][256];
    size_t cookie_count;
    char location[2048]; /* for redirects (an identity provider's address is long) */
    struct {
        const char *name; /* static text */
        char value[128];
    } headers[WEB_MAX_HEADERS]; /* more headers to send */
    size_t header_count;
    const struct asset *asset; /* a built-in file to send instead of body, or NULL */
    char title[160];           /* a laid-out page's title (web_set_title) */
    bool laid_out;             /* body is a whole page already (layout.h) */
};

/* The one signature of every route's handler (routes.c): id is the numeric {id} of the
 * route's path, 0 when it has none. A handler fills response, or returns a failure
 * (the server then answers 500). */
typedef enum ct_status (*web_handler)(struct web_request *request, struct web_response *response,
                                      int64_t id);

/* Names the page a laid-out route's handler writes, formatted as printf does (cut to fit). */
void web_set_title(struct web_response *response, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* The signed-in person (or no one: person 0 without roles) as the actor of an action,
 * acting at the request's time and day. */
struct actor web_actor(const struct web_request *request);

/* The value of a form field (borrowed), or NULL. */
const char *web_form_value(const struct web_request *request, const char *name);

/* Adds a field to form, as if the form had been posted with it (name and value are
 * copied). CT_ERR_TOO_LARGE when the form already holds WEB_FORM_MAX_FIELDS. */
enum ct_status web_form_add(struct web_form *form, const char *name,
                            const char *value) CT_MUST_CHECK;

/* The value of a query-string argument (borrowed), or NULL. The name is matched in any
 * case ("Page" finds "page"); web_query_arguments gives the names as sent. */
const char *web_query_value(const struct web_request *request, const char *name);

/* One query-string argument as sent: its name in the case it was written. */
struct web_query_argument {
    const char *name;  /* borrowed from the request */
    const char *value; /* borrowed; NULL for "?name" without "=" */
};

/* Fills arguments with the request's first max query-string arguments, in the order
 * sent, and returns how many the request has (more than max when some did not fit). */
size_t web_query_arguments(const struct web_request *request, struct web_query_argument *arguments,
                           size_t max);

/* The value of a request header (borrowed), or NULL; the name is matched in any case. */
const char *web_header_value(const struct web_request *request, const char *name);

/* The value of a cookie (borrowed), or NULL. */
const char *web_cookie_value(const struct web_request *request, const char *name);

/* Adds a header to send (name must be static text; value is copied, cut at 127 bytes).
 * Past WEB_MAX_HEADERS, nothing is added. */
void web_add_header(struct web_response *response, const char *name, const char *value);

/* Adds a Set-Cookie value. */
void web_set_cookie(struct web_response *response, const char *name, const char *value,
                    bool http_only, int max_age_seconds, bool secure);

/* The server's idle time: config->session_idle_seconds, or SESSION_IDLE_SECONDS when 0
 * (config may be NULL). */
int64_t web_session_idle_seconds(const struct web_config *config);

/* Makes the response a 303 redirect to location. */
void web_redirect(struct web_response *response, const char *location);

#endif
