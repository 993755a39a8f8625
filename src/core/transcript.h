/*
 * transcript: what a certificate's transcript says, as data.
 *
 * The activities that counted toward an awarded certificate, with the credits each
 * gave, and for a program with a development plan the plan's goals and the library
 * goals they served. The store fills one (store_transcript.h); the certificates layer
 * draws it (transcript_pdf.h). No I/O here.
 *
 * Ownership: every string and array a transcript points to is either owned by its
 * arena (as store_transcript_load leaves them) or borrowed from the caller who filled
 * the fields by hand (the arena then stays empty). transcript_release frees the arena
 * in both cases.
 */
#ifndef CERTTRACK_TRANSCRIPT_H
#define CERTTRACK_TRANSCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "civil_date.h"

/* One activity that counted toward the certificate. */
struct transcript_activity {
    struct civil_date date;
    const char *title;
    const char *kind;      /* as people read it: "Conference session" */
    const char *category;  /* the program category's name; "" when the kind has none */
    int64_t credit_halves; /* what counted toward the certificate, in half-credits */
    bool partial;          /* a program limit counted only part of what it was worth */
};

/* A goal of the learner's development plan and the library goals it served. */
struct transcript_goal {
    const char *text;
    const char *const *library_goals; /* each "G1 Early literacy": code and title */
    size_t library_goal_count;
};

struct transcript {
    struct arena arena; /* owns what store_transcript_load allocates; see above */
    const char *learner_name;
    const char *program_name;
    const char *issuer;
    const char *number; /* the certificate number */
    struct civil_date issued;
    struct civil_date valid_until;          /* the first day the certificate is no longer valid */
    struct civil_date revoked;              /* unset unless the certificate was revoked */
    int64_t credit_halves;                  /* the certificate's total, in half-credits */
    struct transcript_activity *activities; /* in date order */
    size_t activity_count;
    struct transcript_goal *goals; /* none unless the program requires a plan */
    size_t goal_count;
};

/* Sets up an empty transcript (every field zero or unset); allocates nothing. */
void transcript_init(struct transcript *t);

/* Frees the arena; pointers into it are invalidated. The transcript is then as after
 * transcript_init. */
void transcript_release(struct transcript *t);

/* The sum of the activities' credit_halves. */
int64_t transcript_activity_halves(const struct transcript *t);

#endif
