/*
 * store_harvest_sites: the LMS sites the State Library harvests from.
 *
 * A site is an LMS: its address, its time zone (report files carry local times without
 * an offset) and the xAPI Basic-auth key and secret it posts with. Sites are found by
 * their address without its trailing '/'s.
 */
#ifndef CERTTRACK_STORE_HARVEST_SITES_H
#define CERTTRACK_STORE_HARVEST_SITES_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_types.h"

#define LMS_TIME_ZONE_SIZE 64
#define LMS_API_KEY_SIZE   40 /* "ct_" and 32 hex digits, with the NUL */
#define LMS_SECRET_SIZE    65 /* 64 hex digits (256 random bits), with the NUL */

struct lms_site {
    int64_t id;
    char url[LMS_URL_SIZE];
    char time_zone[LMS_TIME_ZONE_SIZE];
    char api_key[LMS_API_KEY_SIZE];
};

/* The Basic-auth credentials of a new site, shown once: only a hash of the secret is
 * kept. */
struct lms_site_credentials {
    char api_key[LMS_API_KEY_SIZE];
    char secret[LMS_SECRET_SIZE];
};

/* Registers an LMS site at url (http:// or https://, without a trailing '/'; one site
 * per address) in time_zone (an IANA name; NULL or "" means "UTC"), and makes its key
 * and secret into *credentials. *site_id gets the new id. Refusals name "url" (not a web
 * address, or already registered) or "time_zone" (not a known zone). */
enum ct_status store_harvest_site_add(struct store *store, int64_t actor_id, const char *url,
                                      const char *time_zone, int64_t *site_id,
                                      struct lms_site_credentials *credentials,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Finds the site registered at url (a trailing '/' ignored). *found tells whether there
 * is one; *site is filled when there is. */
enum ct_status store_harvest_site_find_by_url(struct store *store, const char *url,
                                              struct lms_site *site, bool *found,
                                              struct ct_err *err) CT_MUST_CHECK;

/* The site with this id; *found false when there is none. */
enum ct_status store_harvest_site_find_by_id(struct store *store, int64_t site_id,
                                             struct lms_site *site, bool *found,
                                             struct ct_err *err) CT_MUST_CHECK;

/* Checks Basic-auth credentials (api_key and secret borrowed; NULL counts as empty):
 * *matches is true and *site filled when the key names a site and secret is its secret. The
 * comparison takes the same time whether or not the key exists and however much of the secret is
 * right. */
enum ct_status store_harvest_site_check_credentials(struct store *store, const char *api_key,
                                                    const char *secret, struct lms_site *site,
                                                    bool *matches,
                                                    struct ct_err *err) CT_MUST_CHECK;

/* The address url without its trailing '/'s, into out (LMS_URL_SIZE bytes): the key a
 * site is registered and found by. False when it does not fit. */
bool store_harvest_site_address_key(const char *url, char out[LMS_URL_SIZE]);

#endif
