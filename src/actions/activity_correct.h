/*
 * activity_correct: the CE coordinator corrects a verified activity (its date, credits,
 * category and kind), saying why. The activity keeps its place in the record: the rules
 * engine reads the corrected row the next time it evaluates. The values before stay in
 * the activity's corrections (store_activities.h) and in the audit trail, and the
 * learner is told (the notice notice-activity-corrected).
 */
#ifndef CERTTRACK_ACTIONS_ACTIVITY_CORRECT_H
#define CERTTRACK_ACTIONS_ACTIVITY_CORRECT_H

#include "../store/store_activities.h"
#include "action.h"

/* The longest reason a correction takes. */
#define ACTIVITY_CORRECT_REASON_MAX 1000

/* A correction, as the form sends it: every value the activity is to have, as typed
 * (NULL or "" when left out). Each field is named as here. */
struct activity_correct_input {
    int64_t activity_id;  /* "activity" */
    const char *kind;     /* "kind": a kind measured in credits (course, workshop ...) */
    const char *date;     /* "date": YYYY-MM-DD, not after today */
    const char *credits;  /* "credits": a positive multiple of 0.5 */
    const char *category; /* "category": a category of the learner's program */
    const char *reason;   /* "reason": why, required, at most ACTIVITY_CORRECT_REASON_MAX */
    /* A dry run: everything is checked, nothing kept and no one told (the form's step
     * before its confirmation page). */
    bool check_only;
};

/* An activity's values a correction changes. */
struct activity_correct_values {
    char kind[32];
    char date[16];
    int64_t credit_halves;
    char category[64]; /* "" when none */
};

struct activity_correct_result {
    int64_t correction_id; /* the row of activity_corrections kept; 0 on a dry run */
    int64_t person_id;     /* the learner */
    char title[256];
    struct activity_correct_values before, after;
};

/* Corrects the activity as input says, in one transaction. Every field that cannot be
 * read is a fault at once ("kind", "date", "credits", "category", "reason"; "activity"
 * when the values are those it has already). Only the CE coordinator corrects
 * (ACTION_NOT_ALLOWED); an activity that does not exist is ACTION_NOT_FOUND; one that is
 * not verified (pending, rejected, withdrawn), was replaced by a corrected claim or
 * merged, or is measured in semester or quarter credits or hours, ACTION_WRONG_STATE.
 * The store's checks of an activity (store_activity_correct: category known, credits
 * positive, one event or one activity earning credit once) are faults of the field they
 * name. Done, the correction is kept with the values before and after, audited
 * ("correct", with the actor, the row before and after and the reason) and the learner
 * is told of it in the same transaction. result is filled in on a dry run too. */
enum ct_status action_activity_correct(struct store *store, const struct actor *actor,
                                       const struct activity_correct_input *input,
                                       struct activity_correct_result *result,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

#endif
