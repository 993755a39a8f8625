/*
 * tracks: a person's tracks. Enrolment (a learner chooses a program they may take; the
 * CE coordinator enrols anyone, a library administrator their own library's staff), the
 * withdrawal of an open track with a reason, and the learner sending a complete track
 * to the State Library for the award.
 *
 * A person may hold several open tracks, one per program (docs/programs.md, "Several
 * tracks at once"). A track is awarded only once it is submitted (docs/workflows.md);
 * the learner submits it once the engine calls it complete.
 */
#ifndef CERTTRACK_ACTIONS_TRACKS_H
#define CERTTRACK_ACTIONS_TRACKS_H

#include "../store/store_enrolment.h"
#include "action.h"

struct track_enrol_input {
    int64_t person_id;   /* field "person": 0 for the actor themself */
    const char *program; /* field "program": a program id */
    const char *start;   /* field "start": YYYY-MM-DD, NULL or "" for the actor's today */
};

struct track_enrol_result {
    int64_t track_id;
    int64_t previous_track_id; /* the award's track it continues, 0 when none */
};

/* Enrols the person in the program from start. Refused: a missing or unknown program
 * (fault "program"), a start that is not a date (fault "start"); no person named by the
 * system (fault "person"); no such person ACTION_NOT_FOUND at "person"; someone else
 * but the coordinator, or a library administrator for a person of another library,
 * ACTION_NOT_ALLOWED at "person"; a learner enrolling themself from another day than
 * today ACTION_NOT_ALLOWED at "start"; the prerequisite certificate missing (the
 * message naming the certificates that would meet it), an open track in the program
 * already, ACTION_WRONG_STATE at "program"; a start on or before the award a track of
 * the program continues ACTION_WRONG_STATE at "start". Audited as "enroll". */
enum ct_status action_track_enrol(struct store *store, const struct actor *actor,
                                  const struct track_enrol_input *input,
                                  struct track_enrol_result *result,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

struct track_withdraw_input {
    int64_t track_id;   /* field "track" */
    const char *reason; /* field "reason": why, 1 to 500 characters */
};

/* Withdraws an open track (active, submitted or returned) with a reason: the learner
 * their own, a library administrator a track of their library's staff, the coordinator
 * anyone's. No reason is a fault at "reason"; no track ACTION_NOT_FOUND at "track";
 * another's ACTION_NOT_ALLOWED at "track"; a track that is not open (certified,
 * expired, withdrawn) ACTION_WRONG_STATE at "track". Audited as "withdraw", the
 * reason kept as the track's comment. */
enum ct_status action_track_withdraw(struct store *store, const struct actor *actor,
                                     const struct track_withdraw_input *input,
                                     struct action_outcome *outcome) CT_MUST_CHECK;

/* The engine's word on one program for a person, in plain words (an enrolment choice,
 * store_enrolment.h; set names the programs): "Open to you: it needs a prior MSL
 * certificate, and you hold CT-2021-000123 (...)." or why not. out is size bytes. */
void tracks_choice_words(const struct enrolment_choice *choice, const struct program_set *set,
                         char *out, size_t size);

struct track_submit_input {
    int64_t track_id; /* field "track": 0 for the acting learner's current track */
};

struct track_submit_result {
    int64_t track_id;
};

/* Submits the track for the award when it is open (active or returned) and the engine
 * calls it complete on the actor's day. No track is ACTION_NOT_FOUND at "track", another
 * person's ACTION_NOT_ALLOWED; a track that is not open is ACTION_WRONG_STATE at
 * "track", one that is not complete ACTION_WRONG_STATE at "complete", the message saying
 * what still blocks it, in words. */
enum ct_status action_track_submit(struct store *store, const struct actor *actor,
                                   const struct track_submit_input *input,
                                   struct track_submit_result *result,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

#endif
