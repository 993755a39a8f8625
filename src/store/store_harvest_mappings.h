/*
 * store_harvest_mappings: what a harvested record maps to in the record.
 *
 * Its course or activity maps to a catalog event through the catalog's LMS links
 * (store_catalog.h makes them); its learner maps to a person through the site's
 * account linked to them (store_harvest_accounts.h links it) or through the e-mail a
 * report file gives. These are reads only: changing a mapping applies what waited for
 * it, which is the business of the modules above the completions.
 */
#ifndef CERTTRACK_STORE_HARVEST_MAPPINGS_H
#define CERTTRACK_STORE_HARVEST_MAPPINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_types.h"

/* How an activity column or a course is mapped to the catalog. */
enum harvest_mapping { HARVEST_MAPPED, HARVEST_UNMAPPED, HARVEST_AMBIGUOUS };

/* The catalog event the LMS activity called activity_name, in a course of the site at
 * site_url, is mapped to: event_lms_links with its url at the site and a name with the
 * same key (lms_name.h: tags stripped, character references decoded, '"' as the "'"
 * Moodle writes in its place). *mapping says whether exactly one event was found;
 * *event_id and *link (may be NULL) are set only then. */
enum ct_status store_harvest_event_by_activity_name(struct store *store, const char *site_url,
                                                    const char *activity_name,
                                                    enum harvest_mapping *mapping,
                                                    int64_t *event_id, struct harvest_link *link,
                                                    struct ct_err *err) CT_MUST_CHECK;

/* The catalog event an LMS course or activity address is mapped to (event_lms_links.url
 * equal, whole course: activity_name ""). */
enum ct_status store_harvest_event_by_course_url(struct store *store, const char *url,
                                                 enum harvest_mapping *mapping, int64_t *event_id,
                                                 struct ct_err *err) CT_MUST_CHECK;

/* The person whose e-mail is email (compared without case); *found false when none.
 * Unlike store_person_find, never reads a number as an id. */
enum ct_status store_harvest_person_by_email(struct store *store, const char *email,
                                             int64_t *person_id, bool *found,
                                             struct ct_err *err) CT_MUST_CHECK;

/* The person linked to the site's account; *found false when the account is not linked. */
enum ct_status store_harvest_account_find(struct store *store, int64_t site_id,
                                          const char *account_name, int64_t *person_id, bool *found,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
