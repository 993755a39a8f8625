/*
 * store_enrolment: what enrolment reads. A person's tracks (all of them, any state),
 * the certificates they hold, and, for every program the store knows, whether they may
 * start a track in it on a day and why (the engine's prerequisite rule, engine.h; an
 * open track in the program already; the chain of tracks an award continues).
 */
#ifndef CERTTRACK_STORE_ENROLMENT_H
#define CERTTRACK_STORE_ENROLMENT_H

#include "../core/program.h"
#include "store.h"

/* One track of a person, as the dashboard, the API and the command line list it. */
struct track_row {
    int64_t id;
    int64_t person_id;
    char program[65];
    struct civil_date started;
    struct civil_date deadline;
    char state[16];
    int64_t previous_track_id; /* 0 when it starts a chain */
    char comment[512];         /* why it was returned or withdrawn; "" when none */
};

/* True for the states of an open track: active, submitted, returned. */
bool store_track_state_open(const char *state);

/* Every track of person_id, the open ones first, then by start, latest first (the first
 * open one is what /api/v1/me/progress shows). rows is started as {.size = sizeof
 * (struct track_row)} and released by the caller with store_rows_release. */
enum ct_status store_track_rows(struct store *store, int64_t person_id, struct store_rows *rows,
                                struct ct_err *err) CT_MUST_CHECK;

/* A certificate number's size (store_award.h's CERTIFICATE_NUMBER_SIZE). */
#define ENROLMENT_NUMBER_SIZE 32

/* A certificate a person holds (not revoked). */
struct enrolment_certificate {
    int64_t track_id;
    char number[ENROLMENT_NUMBER_SIZE];
    char program[65];
    struct civil_date issued;
};

/* Why a person may or may not start a track in a program. */
enum enrolment_verdict {
    ENROLMENT_OPEN,          /* they may */
    ENROLMENT_NEEDS_PRIOR,   /* the prerequisite certificate is missing */
    ENROLMENT_ALREADY_OPEN,  /* they have an open track in it */
    ENROLMENT_CHAIN_STARTED, /* the start is on or before the award that continues into it */
};

struct enrolment_choice {
    const struct program *program; /* borrowed from the store's programs */
    enum enrolment_verdict verdict;
    /* ENROLMENT_OPEN with a prerequisite: the certificate that meets it. */
    char certificate_number[ENROLMENT_NUMBER_SIZE];
    struct civil_date certificate_issued;
    int64_t open_track_id; /* ENROLMENT_ALREADY_OPEN: that track */
    /* The certificate whose award continues into this program (its program, or its
     * program's successor, is this one), latest first: a new track of the program
     * continues its chain (previous_track_id) and starts after chain_issued. */
    int64_t chain_track_id;
    char chain_number[ENROLMENT_NUMBER_SIZE];
    struct civil_date chain_issued;
};

struct enrolment_choices {
    struct enrolment_choice *items; /* one per program of the store, in its order */
    size_t count;
};

/* Decides, for every program of the store, whether person_id may start a track in it on
 * started, evaluated on today (a certificate issued after either does not meet a
 * prerequisite). The caller frees choices with store_enrolment_choices_release. */
enum ct_status store_enrolment_choices(struct store *store, int64_t person_id,
                                       struct civil_date started, struct civil_date today,
                                       struct enrolment_choices *choices,
                                       struct ct_err *err) CT_MUST_CHECK;

void store_enrolment_choices_release(struct enrolment_choices *choices);

/* The choice of program_id among choices (borrowed), or NULL. */
const struct enrolment_choice *store_enrolment_choice_of(const struct enrolment_choices *choices,
                                                         const char *program_id);

#endif
