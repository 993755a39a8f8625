/*
 * store_harvest_parts: mapping an LMS course to a catalog event by its parts (named
 * activities of the course, every one needed for the event: store_harvest_proof.h), all
 * at once, so that the statements waiting for them are applied only once every part is
 * mapped, and counting what that released.
 */
#ifndef CERTTRACK_STORE_HARVEST_PARTS_H
#define CERTTRACK_STORE_HARVEST_PARTS_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"
#include "store_harvest_inbox.h"

/* Maps each of the count names (borrowed; each not empty), as a part of the course at
 * url, to the catalog event, with an audit entry each (as store_event_link_add does),
 * then applies the statements waiting for the event, in one transaction. *release
 * counts what it released among the statements about the course: those whose object is
 * url and those whose context names it as their course. Refuses as store_event_link_add
 * does: "url" (not a web address; a part mapped already), "event" (no such event). */
enum ct_status store_harvest_parts_map(struct store *store, int64_t actor_id, int64_t event_id,
                                       const char *url, const char *const *names, size_t count,
                                       struct harvest_release *release,
                                       struct ct_err *err) CT_MUST_CHECK;

#endif
