#include "connection_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "../../core/banned.h"

void connection_guard_init(struct connection_guard *guard)
{
    memset(guard->connections, 0, sizeof guard->connections);
    guard->open = 0;
    guard->proxy_count = 0;
    pthread_mutex_init(&guard->lock, NULL);
}

void connection_guard_release(struct connection_guard *guard)
{
    pthread_mutex_destroy(&guard->lock);
}

/* The address of a socket, whole. */
static struct connection_guard_address address_of(const struct sockaddr *socket_address)
{
    static const unsigned char v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    struct connection_guard_address address = {.length = 0};
    if (socket_address == NULL) {
        return address;
    }
    if (socket_address->sa_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)socket_address;
        memcpy(address.bytes, &v4->sin_addr, 4);
        address.length = 4;
    } else if (socket_address->sa_family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)socket_address;
        const unsigned char *bytes = v6->sin6_addr.s6_addr;
        bool mapped = memcmp(bytes, v4_mapped, sizeof v4_mapped) == 0;
        memcpy(address.bytes, mapped ? bytes + 12 : bytes, mapped ? 4 : 16);
        address.length = mapped ? 4 : 16;
    }
    return address;
}

/* The address as counted: an IPv6 address cut to its /64. */
static struct connection_guard_address counted_address(struct connection_guard_address address)
{
    if (address.length == 16) {
        memset(address.bytes + 8, 0, 8);
    }
    return address;
}

static bool address_equal(const struct connection_guard_address *left,
                          const struct connection_guard_address *right)
{
    return left->length == right->length && memcmp(left->bytes, right->bytes, left->length) == 0;
}

/* Reads one proxy address of length bytes at text into *address. */
static bool proxy_parse(const char *text, size_t length, struct connection_guard_address *address)
{
    char copy[INET6_ADDRSTRLEN];
    if (length == 0 || length >= sizeof copy) {
        return false;
    }
    memcpy(copy, text, length);
    copy[length] = '\0';
    struct sockaddr_in v4 = {.sin_family = AF_INET};
    struct sockaddr_in6 v6 = {.sin6_family = AF_INET6};
    if (inet_pton(AF_INET, copy, &v4.sin_addr) == 1) {
        *address = address_of((const struct sockaddr *)&v4);
        return true;
    }
    if (inet_pton(AF_INET6, copy, &v6.sin6_addr) == 1) {
        *address = address_of((const struct sockaddr *)&v6);
        return true;
    }
    return false;
}

enum ct_status connection_guard_set_proxies(struct connection_guard *guard, const char *list,
                                            struct ct_err *err)
{
    struct connection_guard_address proxies[CONNECTION_GUARD_MAX_PROXIES];
    unsigned count = 0;
    const char *cursor = list != NULL ? list : "";
    cursor += strspn(cursor, " \t");
    while (*cursor != '\0') {
        size_t length = strcspn(cursor, ", \t");
        if (count == CONNECTION_GUARD_MAX_PROXIES) {
            return ct_err_set(err, CT_ERR_INPUT, "CERTTRACK_PROXY_ADDRESSES",
                              "more than %d addresses", CONNECTION_GUARD_MAX_PROXIES);
        }
        if (!proxy_parse(cursor, length, &proxies[count])) {
            return ct_err_set(err, CT_ERR_INPUT, "CERTTRACK_PROXY_ADDRESSES",
                              "not an IPv4 or IPv6 address: \"%.*s\"", (int)length, cursor);
        }
        count++;
        cursor += length;
        cursor += strspn(cursor, " \t");
        if (*cursor == ',') {
            cursor++;
            cursor += strspn(cursor, " \t");
            if (*cursor == '\0') {
                return ct_err_set(err, CT_ERR_INPUT, "CERTTRACK_PROXY_ADDRESSES",
                                  "an empty address after the last comma");
            }
        } else if (*cursor != '\0') {
            return ct_err_set(err, CT_ERR_INPUT, "CERTTRACK_PROXY_ADDRESSES",
                              "expected a comma before \"%s\"", cursor);
        }
    }
    memcpy(guard->proxies, proxies, count * sizeof proxies[0]);
    guard->proxy_count = count;
    return CT_OK;
}

/* Whether address (whole) is one of the proxy's. The proxies are set before the server
 * starts and never change, so no lock is needed. */
static bool is_proxy(const struct connection_guard *guard,
                     const struct connection_guard_address *address)
{
    for (unsigned i = 0; i < guard->proxy_count; i++) {
        if (address_equal(&guard->proxies[i], address)) {
            return true;
        }
    }
    return false;
}

bool connection_guard_forwards(struct connection_guard *guard, const struct sockaddr *address)
{
    struct connection_guard_address whole = address_of(address);
    return guard->proxy_count == 0 || is_proxy(guard, &whole);
}

/* How many connections address (as counted) holds. Under the lock. A scan of the whole
 * table: at CONNECTION_GUARD_LIMIT entries it costs about a microsecond, less than the
 * accept itself, and needs no second structure to keep in step. */
static unsigned held_by(const struct connection_guard *guard,
                        const struct connection_guard_address *address)
{
    unsigned held = 0;
    for (size_t i = 0; i < CONNECTION_GUARD_LIMIT; i++) {
        const struct connection_guard_connection *connection = &guard->connections[i];
        held += connection->in_use && !connection->exempt &&
                address_equal(&connection->address, address);
    }
    return held;
}

/* The policy, under the lock: whether one more connection from address may open. */
static bool may_open(const struct connection_guard *guard,
                     const struct connection_guard_address *whole, bool exempt)
{
    if (guard->open >= CONNECTION_GUARD_LIMIT) {
        return false;
    }
    if (exempt) {
        return true;
    }
    struct connection_guard_address counted = counted_address(*whole);
    unsigned held = held_by(guard, &counted);
    if (held >= CONNECTION_GUARD_PER_ADDRESS) {
        return false;
    }
    bool in_reserve = guard->open >= CONNECTION_GUARD_LIMIT - CONNECTION_GUARD_RESERVE;
    return !in_reserve || held < CONNECTION_GUARD_PER_ADDRESS_IN_RESERVE;
}

bool connection_guard_admits(struct connection_guard *guard, const struct sockaddr *address)
{
    struct connection_guard_address whole = address_of(address);
    bool exempt = is_proxy(guard, &whole);
    pthread_mutex_lock(&guard->lock);
    bool admitted = may_open(guard, &whole, exempt);
    pthread_mutex_unlock(&guard->lock);
    return admitted;
}

/* A free entry, or NULL. Under the lock. */
static struct connection_guard_connection *free_entry(struct connection_guard *guard)
{
    for (size_t i = 0; i < CONNECTION_GUARD_LIMIT; i++) {
        if (!guard->connections[i].in_use) {
            return &guard->connections[i];
        }
    }
    return NULL;
}

struct connection_guard_connection *connection_guard_opened(struct connection_guard *guard,
                                                            const struct sockaddr *address, int fd,
                                                            int64_t now)
{
    struct connection_guard_address whole = address_of(address);
    bool exempt = is_proxy(guard, &whole);
    pthread_mutex_lock(&guard->lock);
    /* The firm check: connection_guard_admits ran without holding the lock until now,
     * so other threads may have opened connections since. */
    struct connection_guard_connection *connection =
        may_open(guard, &whole, exempt) ? free_entry(guard) : NULL;
    if (connection != NULL) {
        *connection = (struct connection_guard_connection){
            .in_use = true,
            .exempt = exempt,
            .fd = fd,
            .address = counted_address(whole),
            .deadline = now + (int64_t)CONNECTION_GUARD_REQUEST_SECONDS * 1000,
        };
        guard->open++;
    }
    pthread_mutex_unlock(&guard->lock);
    if (connection == NULL) {
        (void)shutdown(fd, SHUT_RDWR); /* libmicrohttpd closes it and says so */
    }
    return connection;
}

void connection_guard_allow_body(struct connection_guard *guard,
                                 struct connection_guard_connection *connection, int64_t now,
                                 int seconds)
{
    if (connection == NULL) {
        return;
    }
    int64_t deadline = now + (int64_t)seconds * 1000;
    pthread_mutex_lock(&guard->lock);
    if (connection->deadline != 0 && deadline > connection->deadline) {
        connection->deadline = deadline;
    }
    pthread_mutex_unlock(&guard->lock);
}

void connection_guard_received(struct connection_guard *guard,
                               struct connection_guard_connection *connection)
{
    if (connection == NULL) {
        return;
    }
    pthread_mutex_lock(&guard->lock);
    connection->deadline = 0;
    pthread_mutex_unlock(&guard->lock);
}

void connection_guard_answered(struct connection_guard *guard,
                               struct connection_guard_connection *connection, int64_t now)
{
    if (connection == NULL) {
        return;
    }
    pthread_mutex_lock(&guard->lock);
    connection->deadline = now + (int64_t)CONNECTION_GUARD_REQUEST_SECONDS * 1000;
    pthread_mutex_unlock(&guard->lock);
}

void connection_guard_closed(struct connection_guard *guard,
                             struct connection_guard_connection *connection)
{
    if (connection == NULL) {
        return;
    }
    pthread_mutex_lock(&guard->lock);
    if (connection->in_use) {
        connection->in_use = false;
        guard->open--;
    }
    pthread_mutex_unlock(&guard->lock);
}

unsigned connection_guard_sweep(struct connection_guard *guard, int64_t now)
{
    unsigned ended = 0;
    pthread_mutex_lock(&guard->lock);
    for (size_t i = 0; i < CONNECTION_GUARD_LIMIT; i++) {
        struct connection_guard_connection *connection = &guard->connections[i];
        if (connection->in_use && connection->deadline != 0 && now >= connection->deadline) {
            /* Under the lock: libmicrohttpd tells connection_guard_closed before it
             * closes the socket, so fd is still this connection's. */
            (void)shutdown(connection->fd, SHUT_RDWR);
            connection->deadline = 0;
            ended++;
        }
    }
    pthread_mutex_unlock(&guard->lock);
    return ended;
}
