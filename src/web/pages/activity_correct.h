/*
 * activity_correct: the CE coordinator corrects a verified activity (its kind, date,
 * credits and category) with a reason (action_activity_correct), in three steps that
 * work without JavaScript:
 *
 *   GET  /activities/{id}/correct   the form, filled in with the activity's values
 *   POST /activities/{id}/correct   step=check (or none): checks the correction without
 *                                   keeping it; a fault shows the form again (400) with
 *                                   each field's message; else the confirmation page,
 *                                   what changes (now and after) and the reason, with
 *                                   "Correct the activity" and "Change the correction";
 *                                   step=change: the form again with what was typed;
 *                                   step=confirm: corrects it, back to /activities/{id}
 *                                   saying so (corrected=1)
 *
 * An activity that does not exist is 404; one that cannot be corrected (not verified,
 * replaced or merged, measured in semester or quarter credits or hours) 409.
 */
#ifndef CERTTRACK_WEB_PAGES_ACTIVITY_CORRECT_H
#define CERTTRACK_WEB_PAGES_ACTIVITY_CORRECT_H

#include "../../core/program.h"
#include "../http/request.h"

enum ct_status page_activity_correct(struct web_request *request, struct web_response *response,
                                     int64_t id) CT_MUST_CHECK;

enum ct_status page_activity_correct_submit(struct web_request *request,
                                            struct web_response *response,
                                            int64_t id) CT_MUST_CHECK;

/* A kind's words ("Conference session"), or name (borrowed) as stored when it is no
 * kind; never NULL. */
const char *page_activity_kind_words(const char *name);

/* A category's words as a program of programs names it; the id itself when none does,
 * "none" for none (NULL or ""). Borrowed from programs or id. */
const char *page_activity_category_words(const struct program_set *programs, const char *id);

#endif
