#include "history_words.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../../core/activity_kind.h"
#include "../html/moment.h"
#include "../../core/banned.h"

struct word_pair {
    const char *name;
    const char *words;
};

static const struct word_pair entity_words[] = {
    {"people", "Person"},
    {"tracks", "Track"},
    {"plan_versions", "Plan"},
    {"plan_goals", "Plan goal"},
    {"plan_items", "Planned learning"},
    {"final_reports", "Final report"},
    {"activities", "Activity"},
    {"certificates", "Certificate"},
    {"certificate_versions", "Certificate documents"},
    {"event_registrations", "Event registration"},
    {"lms_accounts", "LMS account"},
    {"notice_settings", "Notice choices"},
    {"notice_opt_outs", "Notice turned off"},
    {"api_tokens", "API token"},
    {"libraries", "Library"},
    {"library_consultants", "Consultants"},
    {"strategic_plans", "Strategic plan"},
    {"library_goals", "Library goal"},
};

static const struct word_pair action_words[] = {
    {"create", "added"},
    {"edit", "changed"},
    {"delete", "removed"},
    {"verify", "verified"},
    {"reject", "rejected"},
    {"withdraw", "withdrawn"},
    {"enroll", "started"},
    {"submit", "sent for review"},
    {"return", "returned"},
    {"accept", "accepted"},
    {"award", "awarded"},
    {"issue", "issued"},
    {"revoke", "revoked"},
    {"reissue", "documents reissued"},
    {"correct", "corrected"},
    {"import", "imported"},
    {"save", "saved"},
    {"sign-learner", "signed by the learner"},
    {"sign-organization", "signed for the library"},
    {"set-verifier", "verifier set"},
    {"set-officers", "officers set"},
    {"set-name", "name changed"},
    {"set-password", "password set"},
    {"email-change", "e-mail address changed"},
    {"consultants", "consultants set"},
    {"deactivate", "deactivated"},
    {"invite", "invited"},
    {"merge", "merged"},
    {"merged-into", "merged into another record"},
    {"move", "moved to another library"},
    {"link", "linked"},
    {"link-lms", "linked to an LMS course"},
    {"register", "registered"},
    {"cancel", "cancelled"},
    {"verify-attendance", "attendance recorded"},
    {"vacate-office", "office left"},
    {"turn-off", "turned off"},
    {"turn-on", "turned on again"},
    {"retire", "retired"},
    {"close", "closed"},
    {"set", "set"},
    {"second-factor-confirm", "second sign-in step turned on"},
    {"second-factor-remove", "second sign-in step turned off"},
    {"second-factor-reset", "second sign-in step reset"},
};

/* Columns the entry shows otherwise, or that mean nothing to a reader. */
static const char *const hidden_fields[] = {
    "id",          "email_key",         "subject_uuid", "raw_hash",
    "created_at",  "status_at",         "status_by",    "state_changed_at",
    "record_key",  "verification_code", "token_hash",   "hash",
    "secret_hash", "corrected_by",      "issued_by",    "superseded_by",
};

static const struct word_pair field_words[] = {
    {"email", "e-mail"},
    {"password_hash", "password"},
    {"library_id", "library"},
    {"verifier_id", "verifier"},
    {"person_id", "person"},
    {"track_id", "track"},
    {"event_id", "event"},
    {"status_reason", "reason"},
    {"state_comment", "comment"},
    {"returned_comment", "comment when returned"},
    {"credit_halves", "credits"},
    {"semester_halves", "semester hours"},
    {"quarter_halves", "quarter hours"},
    {"deactivated_at", "deactivated"},
    {"merged_into", "merged into"},
    {"previous_track_id", "previous track"},
    {"plan_version_id", "plan"},
    {"plan_goal_id", "plan goal"},
    {"library_goal_id", "library goal"},
    {"strategic_plan_id", "strategic plan"},
    {"planned_minutes", "planned time"},
    {"verifier_by_hand", "verifier chosen by hand"},
    {"correction_reason", "reason for the correction"},
    {"corrected_at", "corrected"},
    {"certificate_id", "certificate"},
    {"printed_name", "name printed"},
    {"superseded_at", "superseded"},
};

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

static const char *find_words(const struct word_pair *pairs, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(pairs[i].name, name) == 0) {
            return pairs[i].words;
        }
    }
    return NULL;
}

/* name with every from character as a space, into out. */
static const char *spaced(const char *name, char from, char *out, size_t size)
{
    snprintf(out, size, "%s", name != NULL ? name : "");
    for (char *c = out; *c != '\0'; c++) {
        *c = *c == from ? ' ' : *c;
    }
    return out;
}

const char *history_entity_words(const char *entity, char *out, size_t size)
{
    const char *words = find_words(entity_words, COUNT(entity_words), entity);
    return words != NULL ? words : spaced(entity, '_', out, size);
}

const char *history_action_words(const char *action, char *out, size_t size)
{
    const char *words = find_words(action_words, COUNT(action_words), action);
    return words != NULL ? words : spaced(action, '-', out, size);
}

static bool is_hidden(const char *field)
{
    for (size_t i = 0; i < COUNT(hidden_fields); i++) {
        if (strcmp(hidden_fields[i], field) == 0) {
            return true;
        }
    }
    return false;
}

/* Whether field ends with tail ("_halves": halves of a unit; "_minutes"). */
static bool ends_with(const char *field, const char *tail)
{
    size_t length = strlen(field), tail_length = strlen(tail);
    return length >= tail_length && strcmp(field + length - tail_length, tail) == 0;
}

/* text cut to fit out with an ellipsis when it is longer. */
static void cut_copy(char *out, size_t size, const char *text)
{
    size_t length = strlen(text);
    if (length < size) {
        memcpy(out, text, length + 1);
        return;
    }
    size_t keep = size - 4; /* room for "…" (3 bytes) and the NUL */
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80) {
        keep--; /* never cut a UTF-8 character in two */
    }
    memcpy(out, text, keep);
    memcpy(out + keep, "\xE2\x80\xA6", 4);
}

/* value (may be NULL: absent) of field in words into out. */
static void value_words(const char *field, const json_t *value, char *out, size_t size)
{
    out[0] = '\0';
    if (value == NULL || json_is_null(value)) {
        return;
    }
    enum activity_kind kind;
    if (json_is_string(value) && strcmp(field, "kind") == 0 &&
        activity_kind_from_name(json_string_value(value), &kind)) {
        cut_copy(out, size, activity_kind_label(kind));
    } else if (json_is_string(value) && ends_with(field, "_at")) {
        moment_of_text(json_string_value(value), out, size); /* a time, as pages show it */
    } else if (json_is_string(value)) {
        cut_copy(out, size, strcmp(field, "password_hash") == 0 ? "set" : json_string_value(value));
    } else if (json_is_integer(value) && ends_with(field, "_halves")) {
        json_int_t halves = json_integer_value(value);
        snprintf(out, size, "%" JSON_INTEGER_FORMAT "%s", halves / 2, halves % 2 != 0 ? ".5" : "");
    } else if (json_is_integer(value) && ends_with(field, "_minutes")) {
        snprintf(out, size, "%" JSON_INTEGER_FORMAT " minutes", json_integer_value(value));
    } else if (json_is_integer(value)) {
        snprintf(out, size, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
    } else if (json_is_boolean(value)) {
        snprintf(out, size, "%s", json_is_true(value) ? "yes" : "no");
    } else {
        char *text = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
        cut_copy(out, size, text != NULL ? text : "");
        free(text);
    }
}

static json_t *object_of(const char *text)
{
    json_t *value = text != NULL ? json_loads(text, 0, NULL) : NULL;
    if (value != NULL && !json_is_object(value)) {
        json_decref(value);
        value = NULL;
    }
    return value;
}

/* Whether value is null, zero, false or the empty text. */
static bool is_nothing(const json_t *value)
{
    return json_is_null(value) || json_is_false(value) ||
           (json_is_integer(value) && json_integer_value(value) == 0) ||
           (json_is_string(value) && json_string_value(value)[0] == '\0');
}

/* Writes the change of field (before_value and after_value may be NULL) to change when
 * the two differ in words; returns whether it did. */
static bool change_of(const char *field, const json_t *before_value, const json_t *after_value,
                      struct history_change *change)
{
    if (is_hidden(field)) {
        return false;
    }
    /* A new or deleted row: its zero and empty fields say nothing. */
    const json_t *only = before_value == NULL  ? after_value
                         : after_value == NULL ? before_value
                                               : NULL;
    if (only != NULL && is_nothing(only)) {
        return false;
    }
    value_words(field, before_value, change->before, sizeof change->before);
    value_words(field, after_value, change->after, sizeof change->after);
    if (strcmp(change->before, change->after) == 0) {
        return false;
    }
    const char *words = find_words(field_words, COUNT(field_words), field);
    if (words != NULL) {
        snprintf(change->field, sizeof change->field, "%s", words);
    } else {
        spaced(field, '_', change->field, sizeof change->field);
    }
    return true;
}

size_t history_changes(const char *before, const char *after, struct history_change *changes,
                       size_t max)
{
    json_t *old = object_of(before), *new = object_of(after);
    json_t *shape = new != NULL ? new : old;
    size_t count = 0;
    const char *field;
    json_t *value;
    json_object_foreach(shape, field, value)
    {
        if (count == max) {
            break;
        }
        count += change_of(field, json_object_get(old, field), json_object_get(new, field),
                           &changes[count]);
    }
    json_decref(old);
    json_decref(new);
    return count;
}
