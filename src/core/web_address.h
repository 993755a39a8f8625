/*
 * web_address: the one rule for an address certtrack stores or links to (a catalog
 * event's LMS course, an LMS site, the public address): http:// or https://, then a
 * host, no spaces or control characters, and not too long. Only the syntax is checked;
 * nothing is fetched.
 */
#ifndef CERTTRACK_WEB_ADDRESS_H
#define CERTTRACK_WEB_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>

/* The length of url's scheme and "://": 8 for "https://", 7 for "http://", else 0. */
size_t web_address_scheme_length(const char *url);

/* Whether url is an http:// or https:// address with a host (its first character after
 * the scheme is neither "/" nor the end), at most max_length bytes long, without a
 * space, a control character, DEL or any byte of refused (e.g. "?#"; "" for none). */
bool web_address_is_valid(const char *url, size_t max_length, const char *refused);

#endif
