/*
 * demo_data: a realistic, Montana-like demonstration data set.
 *
 * About 80 libraries with strategic plans and goals, about 400 people in every role and
 * program, plans in every state, four years of activities in every status (including
 * expired, self-directed over the cap and repeated presentations), an event catalog,
 * finished tracks with certificates, and five log-ins with the password
 * DEMO_PASSWORD: coordinator@, director@, staff@, ready@ and planner@example.org
 * (ready@ has a complete Strategic Track waiting for the award; planner@ is on the
 * Strategic Track at director@'s library with no plan yet). Everything goes through the
 * store's functions, so it is checked and audited like real use. Dates are relative to
 * today, and the set is the same for the same seed and day.
 */
#ifndef CERTTRACK_DEMO_DATA_H
#define CERTTRACK_DEMO_DATA_H

#include <stdint.h>

#include "../store/store.h"

#define DEMO_PASSWORD "demo-password-1"

/* Row counts of the filled database. */
struct demo_data_summary {
    int64_t libraries;
    int64_t people;
    int64_t tracks;
    int64_t activities;
    int64_t certificates;
    int64_t events;
};

/* Fills an empty store (store borrowed; *summary and *err written) with the set for
 * today and seed: the same seed and day give the same rows. Each change is a store
 * call, in its own transaction unless the caller opened one (then the calls nest in it
 * and the caller commits or rolls back the whole set). Refuses with CT_ERR_INPUT,
 * before changing anything, when the database already holds people, libraries or
 * events, or when the store's programs lack one of the five MSL programs. On any
 * other failure the changes made so far stay unless the caller rolls back. */
enum ct_status demo_data_fill(struct store *store, struct civil_date today, uint64_t seed,
                              struct demo_data_summary *summary, struct ct_err *err) CT_MUST_CHECK;

/* demo_data_fill in one transaction of its own (each store change nests in it): the set
 * is there whole or not at all, and a refused database is left as it was. store
 * borrowed, not inside a transaction; *summary and *err written. */
enum ct_status demo_data_fill_whole(struct store *store, struct civil_date today, uint64_t seed,
                                    struct demo_data_summary *summary,
                                    struct ct_err *err) CT_MUST_CHECK;

#endif
