/*
 * catalog: adding an event to the catalog learners register for, with the LMS courses
 * (and activities of them) whose completion proves it. Only the CE coordinator (or the
 * system) adds one.
 */
#ifndef CERTTRACK_ACTIONS_CATALOG_H
#define CERTTRACK_ACTIONS_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "../store/store_catalog.h"
#include "action.h"

/* The most course URLs (and activity names) a typed list holds. */
#define CATALOG_LINES_MAX 32

/* Each field as typed; NULL or "" is left out. */
struct catalog_event_input {
    const char *title;    /* field "title" */
    const char *kind;     /* field "kind": a kind of event with a credit value ("course") */
    const char *starts;   /* field "starts": the first day, YYYY-MM-DD */
    const char *ends;     /* field "ends": the last day; left out for one day */
    const char *sponsor;  /* field "sponsor": who offers it */
    const char *credits;  /* field "credits": a multiple of 0.5 ("2.5") */
    const char *category; /* field "category": a category some program knows */
    /* field "urls": the LMS courses, one a line (at most CATALOG_LINES_MAX) */
    const char *urls;
    /* field "activity_names": line by line with urls, the activity of that course whose
     * completion counts; an empty line is the whole course */
    const char *activity_names;
    /* The same, paired already (the command line's options): used instead of urls and
     * activity_names when link_count is not 0. Borrowed. */
    const struct event_link *links;
    size_t link_count;
    bool lms_verifies;      /* field "lms_verifies": a completion the LMS reports is proof
                               enough (an event with an LMS course only) */
    const char *place;      /* field "place": where it happens */
    const char *online_url; /* field "online_url": where it is held online, a web address */
    const char *capacity;   /* field "capacity": how many may register, a whole number */
    const char *opens;      /* field "opens": registration opens on, YYYY-MM-DD */
    const char *closes;     /* field "closes": registration closes after, YYYY-MM-DD */
    const char *host;       /* field "host": the host's e-mail address (or person id) */
};

struct catalog_event_result {
    int64_t id;
};

/* Adds the event with its LMS links, all of it or nothing. Every field at fault is
 * named at once; a refusal of the store (a course mapped to another event already) is a
 * fault of the field it concerns, outcome->err keeping the store's words. */
enum ct_status action_catalog_event_add(struct store *store, const struct actor *actor,
                                        const struct catalog_event_input *input,
                                        struct catalog_event_result *result,
                                        struct action_outcome *outcome) CT_MUST_CHECK;

/* Checks the fields and details of input (not its LMS links) into *event and *details
 * (pointing into input), noting each field at fault in outcome, as
 * action_catalog_event_add does; the host is looked up in store. Returns a failure only
 * (a fault is left for action_checked). */
enum ct_status catalog_event_check(struct store *store, const struct catalog_event_input *input,
                                   struct event_new *event, struct event_details *details,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

/* The input field of catalog_event_input a refusal of the store names by its where
 * ("title" when none of them); static text. */
const char *catalog_event_field(const char *where);

#endif
