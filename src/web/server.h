/*
 * server: certtrack's HTTP server, on GNU libmicrohttpd.
 *
 * A pool of worker threads, each request with its own database connection taken from
 * a pool (SQLite connections are not shared between threads), a request body limit, and
 * the same security headers on every response. The routes that take a file
 * (routes_take_upload) read a multipart/form-data body from a person they allow as it
 * arrives: its file into a temporary file, up to WEB_UPLOAD_LIMIT. A connection guard
 * (connection_guard.h) caps the connections of each address, keeps a reserve for
 * addresses that hold few, and ends a connection whose request has not arrived whole
 * by its deadline; the main loop sweeps it ten times a second.
 */
#ifndef CERTTRACK_SERVER_H
#define CERTTRACK_SERVER_H

#include <signal.h>

#include "http/request.h"

/* The largest request body accepted. */
#define SERVER_BODY_LIMIT (1024 * 1024)

/* The largest body accepted by the xAPI statements resource (/xapi/): a batch of a
 * few hundred statements as Moodle sends them, each up to tens of kilobytes. */
#define SERVER_XAPI_BODY_LIMIT (16 * 1024 * 1024)

/* Serves until *stop becomes non-zero (set it from a signal handler). */
/* Reads the text of CERTTRACK_SESSION_IDLE_SECONDS into *seconds (session.h:
 * session_idle_seconds_parse); false, *seconds untouched, for a value it refuses. */
bool server_idle_seconds_parse(const char *text, int64_t *seconds);

enum ct_status server_run(const struct web_config *config, volatile sig_atomic_t *stop,
                          struct ct_err *err) CT_MUST_CHECK;

#endif
