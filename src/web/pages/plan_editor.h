/*
 * plan_editor: the learner's draft as one form (POST /plan). Every button of it sends
 * the whole form, and the page saves the draft with each (action_plan_draft_save)
 * before it adds or removes anything, so nothing typed is lost.
 *
 * Its fields: skill_gaps, learning_options; for each goal N (from 1) goals[N].id,
 * goals[N].library_goal, goals[N].goal, goals[N].outcomes; for each item N items[N].id,
 * items[N].kind, items[N].key, items[N].description, items[N].hours, items[N].plan_goal;
 * the goal to add (library_goal, goal, outcomes) and the item to add (item_kind,
 * item_key, description, hours, plan_goal). Its buttons name their action: save,
 * add-goal, add-item, remove-goal-N, remove-item-N, submit.
 */
#ifndef CERTTRACK_PLAN_EDITOR_H
#define CERTTRACK_PLAN_EDITOR_H

#include "../../actions/plans.h"
#include "../../store/store_learning.h"
#include "../html/html.h"
#include "../http/request.h"

/* Writes the editor of draft (one of plan's versions). refused: the draft was not
 * saved, so every field shows what was typed (the request's form), with outcome's
 * faults at their fields; else the fields show the draft as saved. signer_name: who
 * signs for the library (NULL: nobody is named yet). */
void plan_editor(struct web_request *request, struct html *h, const struct learning_plan *plan,
                 const struct learning_version *draft, const struct action_outcome *outcome,
                 bool refused, const char *signer_name);

/* The draft the form sends, in input (its arrays allocated in request->arena), with the
 * goal or the item to add when action is add-goal or add-item and the row to remove
 * when it is remove-goal-N or remove-item-N. False when the form is too large. */
bool plan_editor_read(struct web_request *request, const char *action,
                      struct plan_draft_input *input);

/* Whether outcome names a field of the editor (not a refusal of the whole version). */
bool plan_editor_marks_a_field(const struct action_outcome *outcome);

/* Writes the summary above a refused draft (outcome has faults): each fault linked to its
 * field of the editor, in the form's order (the texts, the goals, the new goal, the items,
 * the new item); a fault of no field the editor shows, as its message. */
void plan_editor_summary(struct html *h, const struct action_outcome *outcome);

#endif
