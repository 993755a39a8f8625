/*
 * store_tracks: tracks (enrolments in a program), their Professional Development Plan
 * versions with sign-offs, and their final reports. Every change follows the
 * workflow tables (workflow.h); a refused change leaves everything as it was.
 */
#ifndef CERTTRACK_STORE_TRACKS_H
#define CERTTRACK_STORE_TRACKS_H

#include "store.h"

struct track_info {
    int64_t id;
    int64_t person_id;
    char program[65];
    struct civil_date started;
    struct civil_date deadline;
    char state[16];
    int64_t previous_track_id; /* the awarded track this one continues; 0 when none */
};

/* Enrols a person in program from started; the deadline is started plus the
 * program's window. Refused (CT_ERR_INPUT) at "program" when the person has an open track
 * in that program already, and at "start" when started is on or before the award of a
 * certificate whose program (or its successor) is this one: the new track continues
 * that award's chain (previous_track_id) and an activity counts once in a chain. The
 * prerequisite is the action's to check (actions/tracks.h). */
enum ct_status store_track_enroll(struct store *store, int64_t actor_id, int64_t person_id,
                                  const char *program, struct civil_date started, int64_t *id,
                                  struct ct_err *err) CT_MUST_CHECK;

/* Applies a track workflow action ("submit", "return", "expire", "withdraw") with an
 * optional comment. Awarding goes through store_award (store_award.h). */
enum ct_status store_track_act(struct store *store, int64_t actor_id, int64_t track_id,
                               const char *action, const char *comment,
                               struct ct_err *err) CT_MUST_CHECK;

/* The person's current track: the latest started that is active, submitted or
 * returned, else the latest of any state. Fails when the person has no track. */
enum ct_status store_track_current(struct store *store, int64_t person_id, struct track_info *track,
                                   struct ct_err *err) CT_MUST_CHECK;

/* The same, with *found false (and no failure) when the person has no track: for callers
 * that say "not enrolled" then, and must not say so when the read failed. */
enum ct_status store_track_find_current(struct store *store, int64_t person_id,
                                        struct track_info *track, bool *found,
                                        struct ct_err *err) CT_MUST_CHECK;

/* What a track's program asks for, that a page about it needs. */
enum track_need { TRACK_NEEDS_PLAN, TRACK_NEEDS_FINAL_REPORT };

/* The person's most recently started open track whose program asks for need (a plan, a
 * final report): the track the plan and report pages are about when a person holds
 * several. When no open track's program asks for it, the current track
 * (store_track_find_current); *found false when the person has no track. */
enum ct_status store_track_find_needing(struct store *store, int64_t person_id,
                                        enum track_need need, struct track_info *track, bool *found,
                                        struct ct_err *err) CT_MUST_CHECK;

enum ct_status store_track_get(struct store *store, int64_t track_id, struct track_info *track,
                               struct ct_err *err) CT_MUST_CHECK;

/* ---- plan versions ---- */

struct plan_version_new {
    const char *skill_gaps;
    const char *learning_options;
};

/* Creates the next plan version of a track as a draft. Refused while another version is
 * a draft or submitted (finish or withdraw that one first). */
enum ct_status store_plan_version_create(struct store *store, int64_t actor_id, int64_t track_id,
                                         const struct plan_version_new *version, int64_t *id,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Rewrites a draft version's skill gaps and learning options. */
enum ct_status store_plan_version_update(struct store *store, int64_t actor_id, int64_t version_id,
                                         const struct plan_version_new *text,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Fills an empty draft version with the contents of the version before it: its skill
 * gaps and learning options, its goals, and its planned items (each tied to the copied
 * goal, keeping its key, so claims naming the item still name it). Each copied goal and
 * item is audited as created by actor_id. Nothing is done for a first version; a
 * version that is not a draft, or not empty, is refused (CT_ERR_INPUT). */
enum ct_status store_plan_version_carry_over(struct store *store, int64_t actor_id,
                                             int64_t version_id, struct ct_err *err) CT_MUST_CHECK;

/* Adds a personal goal serving a library goal to a draft version. */
enum ct_status store_plan_goal_add(struct store *store, int64_t actor_id, int64_t version_id,
                                   int64_t library_goal_id, const char *goal,
                                   const char *desired_outcomes, int64_t *id,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Adds a planned item to a draft version: kind "training" or "self-directed"; item_key
 * is what self-directed activities name as their plan_item; plan_goal_id, when
 * positive, is the goal of the same version it serves (another version's is refused). */
enum ct_status store_plan_item_add(struct store *store, int64_t actor_id, int64_t version_id,
                                   const char *item_key, const char *kind, const char *description,
                                   int64_t plan_goal_id, int64_t *id,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Submits a draft version on day; refused while it has no goal. */
enum ct_status store_plan_version_submit(struct store *store, int64_t actor_id, int64_t version_id,
                                         struct civil_date day, struct ct_err *err) CT_MUST_CHECK;

enum plan_signer { PLAN_SIGNER_LEARNER, PLAN_SIGNER_ORGANIZATION };

/* Signs a submitted version for the learner or the organization on day; the second
 * signature approves it. */
enum ct_status store_plan_version_sign(struct store *store, int64_t actor_id, int64_t version_id,
                                       enum plan_signer signer, struct civil_date day,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Returns a submitted version to draft with a comment (required); its submission and
 * signatures are cleared. */
enum ct_status store_plan_version_return(struct store *store, int64_t actor_id, int64_t version_id,
                                         const char *comment, struct ct_err *err) CT_MUST_CHECK;

/* ---- final reports ---- */

/* Writes (or rewrites) the track's final report as a draft. */
enum ct_status store_final_report_save(struct store *store, int64_t actor_id, int64_t track_id,
                                       const char *text, struct ct_err *err) CT_MUST_CHECK;

/* "submit" (on day), "accept" (on day) or "return" (with a comment). */
enum ct_status store_final_report_act(struct store *store, int64_t actor_id, int64_t track_id,
                                      const char *action, struct civil_date day,
                                      const char *comment, struct ct_err *err) CT_MUST_CHECK;

#endif
