/*
 * person_forms: the form controls the people pages share (person_admin.h,
 * people_find.h): the roles with the day each began, the position, a library and a
 * person of a library to choose, and reading the roles back from a form.
 */
#ifndef CERTTRACK_PERSON_FORMS_H
#define CERTTRACK_PERSON_FORMS_H

#include <stdbool.h>

#include "../../actions/action.h"
#include "../../store/store_person_admin.h"
#include "../html/html.h"
#include "../http/request.h"

/* The message of outcome's fault of field, or NULL (outcome NULL: none). */
const char *person_forms_error(const struct action_outcome *outcome, const char *field);

/* Writes the alert above a refused person form: when fields are at fault, the summary
 * of every fault with heading (constant text), each linked to its control (the move
 * form's library and position when moving); else outcome's message alone. */
void person_forms_refused(struct html *h, const char *heading, const struct action_outcome *outcome,
                          bool moving);

/* Writes the roles as a fieldset: a checkbox and a "began" date for each role (the
 * State Library's roles only when state_roles), checked and dated as person holds them
 * (NULL: nothing), or as the form typed when typed; error (NULL: none) under the
 * legend. */
void person_forms_roles(struct html *h, const struct web_request *request,
                        const struct person_view *person, bool typed, bool state_roles,
                        const char *error);

/* The roles the form's checkboxes and dates say, as the actions read them ("learner
 * 2025-07-01" a line), written into out (size bytes). */
void person_forms_roles_text(const struct web_request *request, char *out, size_t size);

/* Writes the position select (id and name "position"): staff, trustee or none. */
void person_forms_position(struct html *h, const char *id, const char *chosen, const char *error);

/* Writes a select of the open libraries (id, label), chosen (its id as text, NULL: none)
 * selected, with a first choice "none" for "No library" when with_none. */
void person_forms_library(struct web_request *request, struct html *h, const char *id,
                          const char *label, const char *chosen, bool with_none, const char *error);

/* Writes a select of the active people of library_id with position (NULL: any), by
 * name, with the first choice first_value/first_label ("none", "Nobody") and chosen_id
 * selected. */
void person_forms_person(struct web_request *request, struct html *h, const char *id,
                         const char *label, int64_t library_id, const char *position,
                         const char *first_value, const char *first_label, int64_t chosen_id,
                         const char *error);

/* The id a form field holds (0 when it holds none, "none" or "derived"). */
int64_t person_forms_id(const struct web_request *request, const char *name);

#endif
