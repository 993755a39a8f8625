/*
 * libraries: the CE coordinator adds, edits and closes libraries: name, city, kind
 * (public, tribal college, academic, school, special), the state directory's id
 * (unique) and the consultants assigned (any number). Closing keeps the history: the
 * library's people, tracks and certificates stay; a closed library is shown as closed,
 * is no longer offered for new people, and is not edited again.
 */
#ifndef CERTTRACK_ACTIONS_LIBRARIES_H
#define CERTTRACK_ACTIONS_LIBRARIES_H

#include "action.h"

/* Each field as typed. For an edit, NULL leaves the field as it is; "" empties the
 * external id and the consultants (and is refused for name, city and kind). */
struct library_input {
    int64_t library_id;      /* the library edited (0 to add one) */
    const char *name;        /* field "name" */
    const char *city;        /* field "city" */
    const char *kind;        /* field "kind": "public", "tribal-college", "academic",
                                "school" or "special"; left out to add: "public" */
    const char *external_id; /* field "external_id": the state directory's id, unique */
    /* field "consultants": the consultants' e-mail addresses or ids, one a line (or
     * separated by commas), each a person holding the consultant role */
    const char *consultants;
};

struct library_result {
    int64_t id;
};

/* The kind named name ("tribal-college"), as stored; NULL when name is no kind. */
const char *library_kind_known(const char *name);

/* The kinds, in the order a form offers them, NULL-terminated; library_kind_label gives
 * the words for each ("Tribal college"). */
extern const char *const library_kinds[];
const char *library_kind_label(const char *kind);

/* Adds a library (the coordinator only). Refusals: "name" or "city" empty, "kind"
 * unknown, "external_id" held by another library, "consultants" naming someone who is
 * not a consultant. */
enum ct_status action_library_add(struct store *store, const struct actor *actor,
                                  const struct library_input *input, struct library_result *result,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

/* Edits library input->library_id (the coordinator only): as action_library_add, and
 * refused (ACTION_WRONG_STATE, "library") when the library is closed; ACTION_NOT_FOUND
 * ("library") when there is none. */
enum ct_status action_library_edit(struct store *store, const struct actor *actor,
                                   const struct library_input *input,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

struct library_close_input {
    int64_t library_id;    /* field "library" */
    const char *closed_on; /* field "closed_on": YYYY-MM-DD; left out: today */
};

/* Closes the library (the coordinator only); refused (ACTION_WRONG_STATE, "library")
 * when it is closed already. */
enum ct_status action_library_close(struct store *store, const struct actor *actor,
                                    const struct library_close_input *input,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

#endif
