/* The connection guard: per-address caps, the reserve, the proxy's exemption and the
 * request deadline. */
#include "helpers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "web/http/connection_guard.h"
#include "core/banned.h"

/* A socket address of text (IPv4 or IPv6), in storage. */
static const struct sockaddr *address(struct sockaddr_storage *storage, const char *text)
{
    memset(storage, 0, sizeof *storage);
    struct sockaddr_in *v4 = (struct sockaddr_in *)storage;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)storage;
    if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
    } else {
        assert_int_equal(inet_pton(AF_INET6, text, &v6->sin6_addr), 1);
        v6->sin6_family = AF_INET6;
    }
    return (const struct sockaddr *)storage;
}

static struct connection_guard *guard_new(void)
{
    struct connection_guard *guard = malloc(sizeof *guard);
    assert_non_null(guard);
    connection_guard_init(guard);
    return guard;
}

static void guard_free(struct connection_guard *guard)
{
    connection_guard_release(guard);
    free(guard);
}

/* Opens a connection from text as the server does (the policy, then the count), with no
 * socket: true when it was let in. */
static bool open_from(struct connection_guard *guard, const char *text)
{
    struct sockaddr_storage storage;
    const struct sockaddr *from = address(&storage, text);
    if (!connection_guard_admits(guard, from)) {
        return false;
    }
    return connection_guard_opened(guard, from, -1, 0) != NULL;
}

/* Opens count connections from text; returns how many were let in. */
static unsigned open_many(struct connection_guard *guard, const char *text, unsigned count)
{
    unsigned opened = 0;
    for (unsigned i = 0; i < count; i++) {
        opened += open_from(guard, text);
    }
    return opened;
}

/* Fills the guard with n connections, each from its own address in 10.0.0.0/8. */
static void fill_from_distinct_addresses(struct connection_guard *guard, unsigned n, unsigned first)
{
    for (unsigned i = 0; i < n; i++) {
        char text[32];
        unsigned number = first + i;
        snprintf(text, sizeof text, "10.%u.%u.%u", (number >> 16) & 255, (number >> 8) & 255,
                 number & 255);
        assert_true(open_from(guard, text));
    }
}

static void test_an_address_holds_its_cap_and_no_more_while_others_open(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    assert_int_equal(open_many(guard, "192.0.2.1", CONNECTION_GUARD_PER_ADDRESS + 10),
                     CONNECTION_GUARD_PER_ADDRESS);
    assert_true(open_from(guard, "192.0.2.2"));
    assert_int_equal(guard->open, CONNECTION_GUARD_PER_ADDRESS + 1);
    guard_free(guard);
}

static void test_the_count_check_is_firm_when_two_threads_were_admitted_at_once(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    struct sockaddr_storage storage;
    const struct sockaddr *from = address(&storage, "192.0.2.1");
    assert_int_equal(open_many(guard, "192.0.2.1", CONNECTION_GUARD_PER_ADDRESS - 1),
                     CONNECTION_GUARD_PER_ADDRESS - 1);
    /* Two threads both pass the policy for the last place; only one may have it. */
    assert_true(connection_guard_admits(guard, from));
    assert_true(connection_guard_admits(guard, from));
    assert_non_null(connection_guard_opened(guard, from, -1, 0));
    assert_null(connection_guard_opened(guard, from, -1, 0));
    assert_int_equal(guard->open, CONNECTION_GUARD_PER_ADDRESS);
    guard_free(guard);
}

static void test_a_closed_connection_frees_its_place(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    struct sockaddr_storage storage;
    const struct sockaddr *from = address(&storage, "192.0.2.1");
    struct connection_guard_connection *first = connection_guard_opened(guard, from, -1, 0);
    assert_non_null(first);
    assert_int_equal(open_many(guard, "192.0.2.1", CONNECTION_GUARD_PER_ADDRESS),
                     CONNECTION_GUARD_PER_ADDRESS - 1);
    assert_false(connection_guard_admits(guard, from));
    connection_guard_closed(guard, first);
    assert_true(connection_guard_admits(guard, from));
    assert_int_equal(guard->open, CONNECTION_GUARD_PER_ADDRESS - 1);
    connection_guard_closed(guard, NULL); /* a connection the guard never counted */
    assert_int_equal(guard->open, CONNECTION_GUARD_PER_ADDRESS - 1);
    guard_free(guard);
}

enum { RESERVE_STARTS = CONNECTION_GUARD_LIMIT - CONNECTION_GUARD_RESERVE };

static void test_in_the_reserve_an_address_holding_a_few_may_open_no_more(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    unsigned few = CONNECTION_GUARD_PER_ADDRESS_IN_RESERVE;
    assert_int_equal(open_many(guard, "192.0.2.1", few), few);
    assert_int_equal(open_many(guard, "192.0.2.2", few - 1), few - 1);
    /* One short of the reserve, holding a few is no bar. */
    fill_from_distinct_addresses(guard, RESERVE_STARTS - 1 - (2 * few - 1), 0);
    assert_int_equal(guard->open, RESERVE_STARTS - 1);
    assert_true(open_from(guard, "192.0.2.1"));
    /* In the reserve: 192.0.2.1 holds more than a few, 192.0.2.2 one short of it. */
    assert_int_equal(guard->open, RESERVE_STARTS);
    assert_false(open_from(guard, "192.0.2.1"));
    assert_true(open_from(guard, "192.0.2.2"));
    assert_false(open_from(guard, "192.0.2.2"));
    /* A new address may still open a few. */
    assert_int_equal(open_many(guard, "198.51.100.7", few + 3), few);
    guard_free(guard);
}

static void test_no_one_passes_the_whole_limit_not_even_the_proxy(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    struct ct_err err = {0};
    assert_int_equal(connection_guard_set_proxies(guard, "127.0.0.2", &err), CT_OK);
    fill_from_distinct_addresses(guard, CONNECTION_GUARD_LIMIT, 0);
    /* Refused by the accept policy itself, before the daemon sets a connection up. */
    struct sockaddr_storage storage;
    assert_false(connection_guard_admits(guard, address(&storage, "192.0.2.1")));
    assert_false(connection_guard_admits(guard, address(&storage, "127.0.0.2")));
    assert_false(open_from(guard, "127.0.0.2"));
    guard_free(guard);
}

static void test_a_proxy_is_exempt_from_the_caps_and_the_reserve(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    struct ct_err err = {0};
    assert_int_equal(connection_guard_set_proxies(guard, " 127.0.0.2 , 2001:db8::1", &err), CT_OK);
    assert_int_equal(guard->proxy_count, 2);
    /* Another address of the proxy's /64 is not the proxy: it fills the /64's cap, and
     * the proxy itself may still open. */
    assert_int_equal(open_many(guard, "2001:db8::2", CONNECTION_GUARD_PER_ADDRESS + 3),
                     CONNECTION_GUARD_PER_ADDRESS);
    assert_int_equal(open_many(guard, "2001:db8::1", 3), 3);
    assert_false(open_from(guard, "2001:db8::3"));
    assert_int_equal(open_many(guard, "127.0.0.2", RESERVE_STARTS + 10), RESERVE_STARTS + 10);
    assert_int_equal(open_many(guard, "192.0.2.1", 20), CONNECTION_GUARD_PER_ADDRESS_IN_RESERVE);
    guard_free(guard);
}

static void test_ipv6_counts_by_its_64_and_ipv4_mapped_as_ipv4(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    unsigned opened = 0;
    for (unsigned i = 0; i < CONNECTION_GUARD_PER_ADDRESS + 5; i++) {
        char text[64];
        snprintf(text, sizeof text, "2001:db8:1:2::%x", i + 1);
        opened += open_from(guard, text);
    }
    assert_int_equal(opened, CONNECTION_GUARD_PER_ADDRESS);
    assert_true(open_from(guard, "2001:db8:1:3::1"));
    assert_int_equal(open_many(guard, "192.0.2.9", CONNECTION_GUARD_PER_ADDRESS - 1),
                     CONNECTION_GUARD_PER_ADDRESS - 1);
    assert_true(open_from(guard, "::ffff:192.0.2.9"));
    assert_false(open_from(guard, "192.0.2.9"));
    guard_free(guard);
}

static void test_the_proxy_list_is_addresses_separated_by_commas(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    struct ct_err err = {0};
    assert_int_equal(connection_guard_set_proxies(guard, NULL, &err), CT_OK);
    assert_int_equal(connection_guard_set_proxies(guard, "", &err), CT_OK);
    assert_int_equal(guard->proxy_count, 0);
    assert_int_equal(connection_guard_set_proxies(guard, "10.0.0.1,10.0.0.2,::1", &err), CT_OK);
    assert_int_equal(guard->proxy_count, 3);
    const char *wrong[] = {"10.0.0.1,",         "10.0.0.1,,10.0.0.2", "proxy.example.org",
                           "10.0.0.1 10.0.0.2", "10.0.0.256",         "10.0.0.0/8"};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        memset(&err, 0, sizeof err);
        assert_int_equal(connection_guard_set_proxies(guard, wrong[i], &err), CT_ERR_INPUT);
        assert_string_equal(err.where, "CERTTRACK_PROXY_ADDRESSES");
        assert_int_equal(guard->proxy_count, 3); /* unchanged */
    }
    char many[512] = "";
    size_t used = 0;
    for (int i = 0; i <= CONNECTION_GUARD_MAX_PROXIES; i++) {
        used += (size_t)snprintf(many + used, sizeof many - used, "%s10.0.0.%d", i > 0 ? "," : "",
                                 i + 1);
    }
    assert_int_equal(connection_guard_set_proxies(guard, many, &err), CT_ERR_INPUT);
    guard_free(guard);
}

static void test_forwarding_is_believed_only_from_a_proxy_once_proxies_are_named(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    struct sockaddr_storage proxy;
    struct sockaddr_storage other;
    address(&proxy, "127.0.0.2");
    address(&other, "127.0.0.3");
    /* CERTTRACK_TRUST_PROXY alone: every peer's X-Forwarded-For, as before. */
    assert_true(connection_guard_forwards(guard, (const struct sockaddr *)&other));
    struct ct_err err = {0};
    assert_int_equal(connection_guard_set_proxies(guard, "127.0.0.2", &err), CT_OK);
    assert_true(connection_guard_forwards(guard, (const struct sockaddr *)&proxy));
    assert_false(connection_guard_forwards(guard, (const struct sockaddr *)&other));
    assert_false(connection_guard_forwards(guard, NULL));
    guard_free(guard);
}

/* Whether the peer of end has been shut down (reads end of file at once). */
static bool shut_down(int end)
{
    char byte;
    return recv(end, &byte, 1, MSG_DONTWAIT) == 0;
}

/* A connection opened at 0 on one end of a socket pair; other gets the other end. */
static struct connection_guard_connection *open_socket(struct connection_guard *guard, int *own,
                                                       int *other)
{
    int ends[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, ends), 0);
    *own = ends[0];
    *other = ends[1];
    struct sockaddr_storage storage;
    struct connection_guard_connection *connection =
        connection_guard_opened(guard, address(&storage, "192.0.2.1"), *own, 0);
    assert_non_null(connection);
    return connection;
}

static void test_a_request_not_in_by_its_deadline_is_shut_down_once(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    int own = -1;
    int other = -1;
    (void)open_socket(guard, &own, &other);
    int64_t deadline = (int64_t)CONNECTION_GUARD_REQUEST_SECONDS * 1000;
    assert_int_equal(connection_guard_sweep(guard, deadline - 1), 0);
    assert_false(shut_down(other));
    assert_int_equal(connection_guard_sweep(guard, deadline), 1);
    assert_true(shut_down(other));
    assert_int_equal(connection_guard_sweep(guard, deadline + 1000), 0);
    close(own);
    close(other);
    guard_free(guard);
}

static void test_a_request_received_has_no_deadline_until_answered(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    int own = -1;
    int other = -1;
    struct connection_guard_connection *connection = open_socket(guard, &own, &other);
    connection_guard_received(guard, connection);
    assert_int_equal(connection_guard_sweep(guard, 100000), 0);
    /* Being answered needs no more bytes from the client: no body to allow. */
    connection_guard_allow_body(guard, connection, 100000, 5);
    assert_int_equal(connection_guard_sweep(guard, 200000), 0);
    connection_guard_answered(guard, connection, 200000);
    int64_t next = 200000 + (int64_t)CONNECTION_GUARD_REQUEST_SECONDS * 1000;
    assert_int_equal(connection_guard_sweep(guard, next - 1), 0);
    assert_int_equal(connection_guard_sweep(guard, next), 1);
    assert_true(shut_down(other));
    close(own);
    close(other);
    guard_free(guard);
}

static void test_an_allowed_body_lengthens_the_deadline_never_shortens_it(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    int own = -1;
    int other = -1;
    struct connection_guard_connection *connection = open_socket(guard, &own, &other);
    connection_guard_allow_body(guard, connection, 0, 5);
    assert_int_equal(connection_guard_sweep(guard, 14999), 0);
    connection_guard_allow_body(guard, connection, 2000, CONNECTION_GUARD_UPLOAD_SECONDS);
    int64_t deadline = 2000 + (int64_t)CONNECTION_GUARD_UPLOAD_SECONDS * 1000;
    assert_int_equal(connection_guard_sweep(guard, deadline - 1), 0);
    assert_false(shut_down(other));
    assert_int_equal(connection_guard_sweep(guard, deadline), 1);
    assert_true(shut_down(other));
    /* A connection the guard does not count is left alone. */
    connection_guard_allow_body(guard, NULL, 0, 5);
    connection_guard_received(guard, NULL);
    connection_guard_answered(guard, NULL, 0);
    close(own);
    close(other);
    guard_free(guard);
}

static void test_a_connection_refused_at_the_count_is_shut_down(void **state)
{
    (void)state;
    struct connection_guard *guard = guard_new();
    assert_int_equal(open_many(guard, "192.0.2.1", CONNECTION_GUARD_PER_ADDRESS),
                     CONNECTION_GUARD_PER_ADDRESS);
    int ends[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, ends), 0);
    struct sockaddr_storage storage;
    assert_null(connection_guard_opened(guard, address(&storage, "192.0.2.1"), ends[0], 0));
    assert_true(shut_down(ends[1]));
    close(ends[0]);
    close(ends[1]);
    guard_free(guard);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_address_holds_its_cap_and_no_more_while_others_open),
        cmocka_unit_test(test_the_count_check_is_firm_when_two_threads_were_admitted_at_once),
        cmocka_unit_test(test_a_closed_connection_frees_its_place),
        cmocka_unit_test(test_in_the_reserve_an_address_holding_a_few_may_open_no_more),
        cmocka_unit_test(test_no_one_passes_the_whole_limit_not_even_the_proxy),
        cmocka_unit_test(test_a_proxy_is_exempt_from_the_caps_and_the_reserve),
        cmocka_unit_test(test_ipv6_counts_by_its_64_and_ipv4_mapped_as_ipv4),
        cmocka_unit_test(test_the_proxy_list_is_addresses_separated_by_commas),
        cmocka_unit_test(test_forwarding_is_believed_only_from_a_proxy_once_proxies_are_named),
        cmocka_unit_test(test_a_request_not_in_by_its_deadline_is_shut_down_once),
        cmocka_unit_test(test_a_request_received_has_no_deadline_until_answered),
        cmocka_unit_test(test_an_allowed_body_lengthens_the_deadline_never_shortens_it),
        cmocka_unit_test(test_a_connection_refused_at_the_count_is_shut_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
