/*
 * claims: a learner claims an activity (pending until their verifier decides) and may
 * withdraw a pending claim; the learner's verifier verifies or rejects claims, several
 * at once, all or none.
 */
#ifndef CERTTRACK_ACTIONS_CLAIMS_H
#define CERTTRACK_ACTIONS_CLAIMS_H

#include "../store/store_activities.h"
#include "action.h"
#include "claim_warning.h"

/* The largest proof a claim carries: 10 MiB. */
#define CLAIM_PROOF_LIMIT ((size_t)10 * 1024 * 1024)

/* A file sent as proof with a claim (an attendance certificate, an unofficial transcript):
 * a PDF, a PNG or a JPEG image, as its content says (content_type.h; never its name), of
 * 1 byte to CLAIM_PROOF_LIMIT. It is kept with the activity (store_proofs.h). */
struct claim_proof {
    bool given;        /* a file was sent (even an empty one) */
    const void *bytes; /* size bytes, borrowed; NULL when too large to have been read */
    size_t size;       /* as sent */
    bool too_large;    /* the upload passed the server's limit and was dropped */
    const char *name;  /* the name it was sent under, or NULL */
};

/* A claim, as the claim form and POST /api/v1/me/activities send it: a catalog event
 * (its title, kind, credits, category and last day are taken; date may name another
 * day), or an independent activity. Texts are as typed (NULL or "" when left out);
 * each field is named as in docs/api.md. */
struct claim_submit_input {
    int64_t event_id;             /* field "event": 0 for none; negative: not an event's id */
    const char *kind;             /* "kind": an activity kind's name */
    const char *title;            /* "title" */
    const char *date;             /* "date": YYYY-MM-DD, not after today */
    const char *category;         /* "category": a category of the learner's program */
    const char *credits;          /* "credits": a multiple of 0.5 */
    const char *semester_credits; /* "semester_credits" */
    const char *quarter_credits;  /* "quarter_credits" */
    const char *hours;            /* "hours": a positive number */
    const char *topic;            /* "topic": presenting */
    const char *plan_item;        /* "plan_item": self-directed, the plan item's key */
    const char *recorded;         /* "recorded": archived-webinar, YYYY-MM-DD */
    /* "replaces": the learner's own rejected claim this one corrects and sends again (a
     * new activity; the rejected one is kept, replaced), 0 for a first claim. */
    int64_t replaces;
    /* "file": a proof of the activity (claim_proof), none when proof.given is false. */
    struct claim_proof proof;
    /* A dry run: everything is checked and the warning computed, nothing is kept (the
     * claim form's step before its confirmation). */
    bool check_only;
};

struct claim_submit_result {
    int64_t activity_id;  /* 0 on a dry run */
    int64_t proof_id;     /* the proof kept, 0 when none (or on a dry run) */
    char proof_type[128]; /* its type, read from its content ("" when none) */
    /* What the engine says of the claim on each open track, as recorded (pending). */
    struct claim_warning warning;
};

/* Reads an activity not in the catalog, as input describes it (all of it but event_id),
 * into activity: its texts borrowed from input. Each
 * field that cannot be read is a fault of its own. The history import reads its lines
 * through it too. */
void claim_read_activity(const struct claim_submit_input *input, struct activity_new *activity,
                         struct action_outcome *outcome);

/* Records the claim as the acting learner's own, pending. Only a person holding the
 * learner role claims (ACTION_NOT_ALLOWED otherwise). Every field that cannot be read
 * is a fault at once; the store's checks (what each kind needs, one event or one
 * activity earning credit once) are a fault of the field they name. result->warning is
 * the engine's word on the claim as recorded (claim_warning_of): the claim is recorded
 * whether or not it warns; with input->check_only nothing is kept and no one is told.
 * A proof (input->proof) is checked (a fault at "file": empty, over CLAIM_PROOF_LIMIT, not
 * a PDF, PNG or JPEG by its content) and kept with the activity in the same transaction,
 * audited with its SHA-256. With input->replaces, the claim corrects that rejected claim of
 * the learner's (not found when it is not theirs, ACTION_WRONG_STATE when it is not
 * rejected or is corrected already): the new claim is linked to it and the rejected one
 * is kept, marked replaced (store_claim_versions.h). */
enum ct_status action_claim_submit(struct store *store, const struct actor *actor,
                                   const struct claim_submit_input *input,
                                   struct claim_submit_result *result,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

struct claim_withdraw_input {
    int64_t activity_id; /* field "activity" */
    const char *reason;  /* "reason": optional, the learner's words */
};

/* Withdraws a pending claim of the acting learner's: it is rejected, the reason saying
 * that the learner withdrew it. Another person's claim is not found; a claim already
 * verified or rejected is ACTION_WRONG_STATE. */
enum ct_status action_claim_withdraw(struct store *store, const struct actor *actor,
                                     const struct claim_withdraw_input *input,
                                     struct action_outcome *outcome) CT_MUST_CHECK;

struct claims_decide_input {
    const char *action;             /* field "action": "verify" or "reject" */
    struct action_ids activity_ids; /* "activities": one to ACTION_IDS_MAX claims */
    const char *reason;             /* "reason": needed to reject; the learner sees it */
    /* A dry run: every check is made and nothing changes (the verify queue's step before
     * its confirmation); result->decided is how many would change. */
    bool check_only;
};

struct claims_decide_result {
    int decided; /* how many changed */
};

/* Verifies or rejects every claim named, all or none: the actor must be the verifier of
 * each claim's learner (or the system), else ACTION_NOT_ALLOWED at "activities" (the
 * same for a claim that does not exist), and each must be pending, else
 * ACTION_WRONG_STATE. */
enum ct_status action_claims_decide(struct store *store, const struct actor *actor,
                                    const struct claims_decide_input *input,
                                    struct claims_decide_result *result,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

#endif
