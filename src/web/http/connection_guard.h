/*
 * connection_guard: who may hold the server's connections, and for how long a request
 * may take to arrive. Owned by the server (server.c), which calls it from
 * libmicrohttpd's callbacks on the pool's threads and sweeps it from its main loop.
 * Thread-safe: one mutex over a fixed table (no allocation after init).
 *
 * - The daemon holds at most CONNECTION_GUARD_LIMIT connections.
 * - One address holds at most CONNECTION_GUARD_PER_ADDRESS of them (an IPv4 address;
 *   for IPv6, its /64, which one host usually has whole).
 * - The reserve: once CONNECTION_GUARD_LIMIT - CONNECTION_GUARD_RESERVE connections are
 *   open, an address already holding CONNECTION_GUARD_PER_ADDRESS_IN_RESERVE may open no
 *   more, so that the last connections go to addresses that hold few.
 * - The proxy's addresses (connection_guard_set_proxies) are exempt from both: they
 *   carry everyone's requests, and the proxy limits its clients itself.
 * - A request must arrive whole, headers and body, within
 *   CONNECTION_GUARD_REQUEST_SECONDS of the connection opening or of the previous
 *   answer, however the bytes trickle in; once its headers are in, the server may allow
 *   its body longer (an upload, the xAPI resource). A connection past its deadline is
 *   shut down (shutdown(2)); libmicrohttpd then closes it as a client that went away.
 *
 * A connection is counted from connection_guard_opened to connection_guard_closed.
 * Times are milliseconds of a monotonic clock, given by the caller.
 */
#ifndef CERTTRACK_CONNECTION_GUARD_H
#define CERTTRACK_CONNECTION_GUARD_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "../../core/err.h"

#define CONNECTION_GUARD_LIMIT                  512
#define CONNECTION_GUARD_PER_ADDRESS            64
#define CONNECTION_GUARD_RESERVE                128
#define CONNECTION_GUARD_PER_ADDRESS_IN_RESERVE 8
#define CONNECTION_GUARD_REQUEST_SECONDS        15
#define CONNECTION_GUARD_UPLOAD_SECONDS         600 /* a 64 MiB report, after its headers */
#define CONNECTION_GUARD_XAPI_SECONDS           60  /* a 16 MiB statement batch, likewise */
#define CONNECTION_GUARD_MAX_PROXIES            16

/* An address as counted: 4 bytes of IPv4 (an IPv4-mapped IPv6 address is its IPv4
 * one), 16 of IPv6, or length 0 for any other kind of socket. */
struct connection_guard_address {
    unsigned char bytes[16];
    unsigned char length;
};

struct connection_guard_connection {
    bool in_use;
    bool exempt; /* from a proxy's address: counts towards no address's cap */
    int fd;
    struct connection_guard_address address; /* for IPv6, cut to its /64 */
    int64_t deadline;                        /* ms; 0: none (a request is being answered) */
};

struct connection_guard {
    pthread_mutex_t lock;
    struct connection_guard_connection connections[CONNECTION_GUARD_LIMIT];
    unsigned open; /* connections in use */
    struct connection_guard_address proxies[CONNECTION_GUARD_MAX_PROXIES];
    unsigned proxy_count;
};

/* Sets up an empty guard with no proxies. */
void connection_guard_init(struct connection_guard *guard);

/* Frees the lock; the guard is then unusable until connection_guard_init. */
void connection_guard_release(struct connection_guard *guard);

/* Takes the proxy's addresses from list (borrowed): IPv4 or IPv6 addresses separated
 * by commas (spaces around them allowed); NULL or "" names none. CT_ERR_INPUT, naming
 * the entry, for anything else or more than CONNECTION_GUARD_MAX_PROXIES; the guard's
 * proxies are then unchanged. Call before the server starts. */
enum ct_status connection_guard_set_proxies(struct connection_guard *guard, const char *list,
                                            struct ct_err *err) CT_MUST_CHECK;

/* Whether a request on a connection from address (borrowed) may name its client in
 * X-Forwarded-For (with CERTTRACK_TRUST_PROXY): any address when no proxy is set,
 * otherwise only a proxy's. */
bool connection_guard_forwards(struct connection_guard *guard, const struct sockaddr *address);

/* Whether a new connection from address (borrowed) may open now: the accept policy. */
bool connection_guard_admits(struct connection_guard *guard, const struct sockaddr *address);

/* Counts a connection from address on socket fd, opened at now, and returns its entry
 * (the guard's; valid until connection_guard_closed), or NULL when it may not open after
 * all (another thread admitted one first, or the table is full): then the guard has shut
 * fd down and counts nothing. */
struct connection_guard_connection *connection_guard_opened(struct connection_guard *guard,
                                                            const struct sockaddr *address, int fd,
                                                            int64_t now);

/* The connection's request headers are in and its body may take seconds from now
 * (more than the deadline left, else nothing changes). NULL: nothing. */
void connection_guard_allow_body(struct connection_guard *guard,
                                 struct connection_guard_connection *connection, int64_t now,
                                 int seconds);

/* The connection's whole request is in: no deadline while it is answered. NULL:
 * nothing. */
void connection_guard_received(struct connection_guard *guard,
                               struct connection_guard_connection *connection);

/* The connection's request has been answered at now: the next one on it must arrive
 * within CONNECTION_GUARD_REQUEST_SECONDS. NULL: nothing. */
void connection_guard_answered(struct connection_guard *guard,
                               struct connection_guard_connection *connection, int64_t now);

/* The connection is closed: it no longer counts, and connection is invalidated. NULL:
 * nothing. */
void connection_guard_closed(struct connection_guard *guard,
                             struct connection_guard_connection *connection);

/* Shuts down every connection whose deadline has passed at now, once each; returns how
 * many. */
unsigned connection_guard_sweep(struct connection_guard *guard, int64_t now);

#endif
