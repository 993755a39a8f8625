/*
 * history_words: an audit entry as people read it: what it was about ("Activity"),
 * what was done ("verified"), and which fields changed from what to what, in words.
 * Internal columns (ids, keys, hashes, the times and actors the entry itself gives)
 * are left out; a secret is never shown (the audit log holds "(set)" for a password).
 */
#ifndef CERTTRACK_HISTORY_WORDS_H
#define CERTTRACK_HISTORY_WORDS_H

#include <stddef.h>

/* What an entry's entity (a table name) is, in words: "Activity"; an unknown table's
 * name with its underscores as spaces. The text is static or name itself. */
const char *history_entity_words(const char *entity, char *out, size_t size);

/* What an action did, in words: "verified", "signed by the learner"; an unknown
 * action's name with its hyphens as spaces, into out (size bytes). */
const char *history_action_words(const char *action, char *out, size_t size);

#define HISTORY_FIELD_SIZE 64
#define HISTORY_VALUE_SIZE 256

/* One field that changed: its name and both values in words ("" where there was none;
 * a long value is cut with an ellipsis). */
struct history_change {
    char field[HISTORY_FIELD_SIZE];
    char before[HISTORY_VALUE_SIZE];
    char after[HISTORY_VALUE_SIZE];
};

/* The fields that differ between before and after (JSON object texts, either may be
 * NULL: a new or a deleted row), at most max of them into changes, in the order of the
 * after row (else the before row). Text that is not a JSON object counts as no row.
 * Returns how many were written. */
size_t history_changes(const char *before, const char *after, struct history_change *changes,
                       size_t max);

#endif
