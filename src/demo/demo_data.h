/*
 * demo_data: a realistic, Montana-like demonstration data set.
 *
 * About 80 libraries with strategic plans and goals, about 400 people in every role and
 * program, plans in every state, four years of activities in every status (including
 * expired, self-directed over the cap and repeated presentations), an event catalog,
 * finished tracks with certificates, and four log-ins with the password
 * DEMO_PASSWORD: coordinator@, director@, staff@ and ready@example.org (ready@ has a
 * complete Strategic Track waiting for the award). Everything goes through the store's
 * functions, so it is checked and audited like real use. Dates are relative to today,
 * and the set is the same for the same seed and day.
 */
#ifndef CERTTRACK_DEMO_DATA_H
#define CERTTRACK_DEMO_DATA_H

#include <stdint.h>

#include "../store/store.h"

#define DEMO_PASSWORD "demo-password-1"

struct demo_data_summary {
    int64_t libraries;
    int64_t people;
    int64_t tracks;
    int64_t activities;
    int64_t certificates;
    int64_t events;
};

/* Fills an empty store. Refuses (CT_ERR_INPUT, changing nothing) when the database
 * already has people in it. */
enum ct_status demo_data_fill(struct store *store, struct civil_date today, uint64_t seed,
                              struct demo_data_summary *summary, struct ct_err *err) CT_MUST_CHECK;

#endif
