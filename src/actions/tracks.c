#include "tracks.h"

#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/engine.h"
#include "../store/store_learning.h"
#include "../store/store_people.h"
#include "../store/store_record.h"
#include "../store/store_tracks.h"
#include "notices.h"
#include "../core/banned.h"

static const char *const no_open_track = "You have no track to send for the award: it is already"
                                         " with the State Library, or you are not enrolled.";

static bool open_to_submit(const struct track_info *track)
{
    return strcmp(track->state, "active") == 0 || strcmp(track->state, "returned") == 0;
}

/* The track named (0: the acting learner's current one), theirs, and open. */
static enum ct_status open_track(struct store *store, const struct actor *actor,
                                 const struct track_submit_input *input, struct track_info *track,
                                 struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status =
        input->track_id == 0
            ? store_track_find_current(store, actor->person_id, track, &found, &outcome->err)
            : store_learning_track_get(store, input->track_id, track, &found, &outcome->err);
    if (status == CT_OK && (!found || (input->track_id == 0 && actor->person_id == 0))) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "track", "%s", no_open_track);
    }
    if (status == CT_OK && actor->person_id != 0 && track->person_id != actor->person_id) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "track",
                             "This is not your track: a learner sends their own for the award.");
    }
    if (status == CT_OK && !open_to_submit(track)) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "track", "%s", no_open_track);
    }
    return status;
}

/* Refuses a track the engine does not call complete, saying what still blocks it. */
static enum ct_status check_complete(const struct evaluation *evaluation,
                                     struct action_outcome *outcome)
{
    if (evaluation->status == TRACK_COMPLETE) {
        return CT_OK;
    }
    struct buf text;
    buf_init(&text, sizeof outcome->err.message - 1);
    enum ct_status status = buf_append_str(&text, "Your track is not complete yet:");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        status = buf_printf(&text, " %s", blocking_description(evaluation->blocking[i].code));
    }
    if (status == CT_OK) {
        status = buf_append_str(&text, " Your progress page says what to do.");
    }
    if (status == CT_OK || status == CT_ERR_TOO_LARGE) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "complete", "%s", buf_str(&text));
        /* The fault's copy may be cut; the first fault's message is kept whole. */
        (void)ct_err_set(&outcome->err, CT_ERR_INPUT, "complete", "%s", buf_str(&text));
    }
    buf_release(&text);
    return status;
}

enum ct_status action_track_submit(struct store *store, const struct actor *actor,
                                   const struct track_submit_input *input,
                                   struct track_submit_result *result,
                                   struct action_outcome *outcome)
{
    struct track_info track;
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    result->track_id = 0;
    enum ct_status status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = open_track(store, actor, input, &track, outcome);
    }
    if (status == CT_OK) {
        result->track_id = track.id;
        status = store_record_evaluate(store, track.id, actor->today, &record, &evaluation,
                                       &outcome->err);
    }
    if (status == CT_OK) {
        status = check_complete(evaluation, outcome);
    }
    if (status == CT_OK) {
        status = store_track_act(store, actor->person_id, track.id, "submit", NULL, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    if (status == CT_OK) {
        status = notices_track_submitted(store, actor, &track, &outcome->err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return action_end(store, status, outcome);
}

/* ---- enrolment ---- */

/* The names of the programs whose certificate meets program's prerequisite. */
static void prerequisite_names(const struct program *program, const struct program_set *set,
                               struct buf *text)
{
    for (size_t k = 0; k < program->prerequisite_count; k++) {
        const char *separator = k == 0 ? "" : k + 1 == program->prerequisite_count ? " or " : ", ";
        (void)buf_printf(text, "%s%s", separator, program_set_name(set, program->prerequisites[k]));
    }
}

void tracks_choice_words(const struct enrolment_choice *choice, const struct program_set *set,
                         char *out, size_t size)
{
    struct buf text;
    buf_init(&text, size > 0 ? size - 1 : 0);
    char day[CIVIL_DATE_TEXT_SIZE];
    switch (choice->verdict) {
    case ENROLMENT_OPEN:
        if (choice->certificate_number[0] != '\0') {
            civil_date_format(choice->certificate_issued, day);
            (void)buf_printf(&text, "Open to you: it needs a prior certificate (");
            prerequisite_names(choice->program, set, &text);
            (void)buf_printf(&text, "), and you hold %s, issued %s.", choice->certificate_number,
                             day);
        } else {
            (void)buf_append_str(&text, "Open to you: it needs no prior certificate.");
        }
        break;
    case ENROLMENT_NEEDS_PRIOR:
        (void)buf_append_str(&text, "Not open to you yet: it needs a prior certificate (");
        prerequisite_names(choice->program, set, &text);
        (void)buf_append_str(&text, "), issued before the track starts, and you hold none.");
        break;
    case ENROLMENT_ALREADY_OPEN:
        (void)buf_printf(&text, "Already on this track (track %lld).",
                         (long long)choice->open_track_id);
        break;
    case ENROLMENT_CHAIN_STARTED:
        civil_date_format(choice->chain_issued, day);
        (void)buf_printf(&text,
                         "A new track must start after %s, when certificate %s was awarded: an"
                         " activity counts once in a chain of tracks.",
                         day, choice->chain_number);
        break;
    }
    snprintf(out, size, "%s", buf_str(&text));
    buf_release(&text);
}

/* text, or NULL when it is absent or only spaces. */
static const char *given_text(const char *text)
{
    if (text == NULL) {
        return NULL;
    }
    for (const char *c = text; *c != '\0'; c++) {
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r') {
            return text;
        }
    }
    return NULL;
}

/* Reads the enrolment's fields: the program known, the start a date (today when absent). */
static void read_enrolment(struct store *store, const struct actor *actor,
                           const struct track_enrol_input *input, struct civil_date *start,
                           struct action_outcome *outcome)
{
    const char *program = given_text(input->program);
    if (program == NULL) {
        action_fault(outcome, "program", "Choose a program.");
    } else if (program_set_find(store->programs, program) == NULL) {
        action_fault(outcome, "program", "There is no program \"%.64s\".", program);
    }
    *start = actor->today;
    if (given_text(input->start) != NULL && !civil_date_parse(input->start, start)) {
        action_fault(outcome, "start", "Enter the first day as YYYY-MM-DD.");
    }
    if (input->person_id == 0 && actor->person_id == 0) {
        action_fault(outcome, "person", "Name the person to enrol.");
    }
}

/* Who may enrol whom: anyone themself, the coordinator anyone, a library administrator
 * the people of their own library. Only they set another first day than today. */
static enum ct_status may_enrol(struct store *store, const struct actor *actor, int64_t person_id,
                                struct civil_date start, struct action_outcome *outcome)
{
    struct person_roles person;
    bool found = false;
    enum ct_status status =
        store_person_get_roles(store, person_id, &person, &found, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "person", "There is no person %lld.",
                             (long long)person_id);
    }
    bool coordinator = actor_has_role(actor, ROLE_CE_COORDINATOR);
    bool director = actor_has_role(actor, ROLE_LIBRARY_ADMINISTRATOR) && person.library_id != 0 &&
                    person.library_id == actor->library_id;
    if (!coordinator && !director && person_id != actor->person_id) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "person",
                             "Only the CE coordinator, or the library administrator of their"
                             " library, enrols someone else.");
    }
    if (!coordinator && !director && civil_date_compare(start, actor->today) != 0) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, "start",
                             "Your track starts today; the CE coordinator or your library"
                             " administrator can set another first day.");
    }
    return CT_OK;
}

/* Refuses the enrolment the person's record does not allow, saying why. */
static enum ct_status check_choice(struct store *store, const struct actor *actor,
                                   int64_t person_id, const char *program_id,
                                   struct civil_date start, struct action_outcome *outcome)
{
    struct enrolment_choices choices;
    enum ct_status status =
        store_enrolment_choices(store, person_id, start, actor->today, &choices, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    const struct enrolment_choice *choice = store_enrolment_choice_of(&choices, program_id);
    char words[sizeof outcome->err.message];
    if (choice != NULL && choice->verdict != ENROLMENT_OPEN) {
        const char *field = choice->verdict == ENROLMENT_CHAIN_STARTED ? "start" : "program";
        tracks_choice_words(choice, store->programs, words, sizeof words);
        status = action_refuse(outcome, ACTION_WRONG_STATE, field, "%s", words);
        /* The fault's copy may be cut; the first fault's message is kept whole. */
        (void)ct_err_set(&outcome->err, CT_ERR_INPUT, field, "%s", words);
    }
    store_enrolment_choices_release(&choices);
    return status;
}

enum ct_status action_track_enrol(struct store *store, const struct actor *actor,
                                  const struct track_enrol_input *input,
                                  struct track_enrol_result *result, struct action_outcome *outcome)
{
    *result = (struct track_enrol_result){0};
    struct civil_date start;
    read_enrolment(store, actor, input, &start, outcome);
    int64_t person_id = input->person_id != 0 ? input->person_id : actor->person_id;
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    status = may_enrol(store, actor, person_id, start, outcome);
    if (status == CT_OK) {
        status = check_choice(store, actor, person_id, input->program, start, outcome);
    }
    if (status == CT_OK) {
        status = store_track_enroll(store, actor->person_id, person_id, input->program, start,
                                    &result->track_id, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    struct track_info track;
    if (status == CT_OK) {
        status = store_track_get(store, result->track_id, &track, &outcome->err);
        result->previous_track_id = track.previous_track_id;
    }
    return action_end(store, status, outcome);
}

/* ---- withdrawal ---- */

/* Whose track the actor may withdraw: their own, the coordinator anyone's, a library
 * administrator their library's people's. */
static enum ct_status may_withdraw(struct store *store, const struct actor *actor,
                                   const struct track_info *track, struct action_outcome *outcome)
{
    if (actor_has_role(actor, ROLE_CE_COORDINATOR) ||
        (actor->person_id != 0 && track->person_id == actor->person_id)) {
        return CT_OK;
    }
    struct person_roles person;
    bool found = false;
    enum ct_status status =
        store_person_get_roles(store, track->person_id, &person, &found, &outcome->err);
    if (status == CT_OK && !(found && actor_has_role(actor, ROLE_LIBRARY_ADMINISTRATOR) &&
                             person.library_id != 0 && person.library_id == actor->library_id)) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "track",
                               "This is not your track: the learner, their library administrator"
                               " or the CE coordinator withdraws it.");
    }
    return status;
}

enum ct_status action_track_withdraw(struct store *store, const struct actor *actor,
                                     const struct track_withdraw_input *input,
                                     struct action_outcome *outcome)
{
    const char *reason = given_text(input->reason);
    if (reason == NULL) {
        action_fault(outcome, "reason", "Say why the track is withdrawn.");
    } else if (strlen(reason) > 500) {
        action_fault(outcome, "reason", "Say why in at most 500 characters.");
    }
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    struct track_info track;
    bool found = false;
    status = store_learning_track_get(store, input->track_id, &track, &found, &outcome->err);
    if (status == CT_OK && !found) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "track", "There is no track %lld.",
                               (long long)input->track_id);
    }
    if (status == CT_OK) {
        status = may_withdraw(store, actor, &track, outcome);
    }
    if (status == CT_OK && !store_track_state_open(track.state)) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "track",
                               "This track is %s: only an open track (active, submitted or"
                               " returned) can be withdrawn.",
                               track.state);
    }
    if (status == CT_OK) {
        status =
            store_track_act(store, actor->person_id, track.id, "withdraw", reason, &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    return action_end(store, status, outcome);
}
