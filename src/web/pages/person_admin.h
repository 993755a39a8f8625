/*
 * person_admin: the person page's record of who they are (details, roles with the day
 * each began, verifier, moves) and the forms that change it (edit, verifier, move,
 * deactivate, merge), POST /people/{id}; and a library's officers form, POST
 * /libraries/{id}/officers, which the staff page and the library pages show.
 */
#ifndef CERTTRACK_PERSON_ADMIN_H
#define CERTTRACK_PERSON_ADMIN_H

#include <stdbool.h>

#include "../../actions/action.h"
#include "../html/html.h"
#include "../http/request.h"

/* Writes person_id's details and moves and, for the coordinator or the administrator of
 * their library, the forms that change them; refused_form names the form a refusal
 * (outcome) came from, whose typed values and faults it shows (NULL: none). */
void person_admin_write(struct web_request *request, struct html *h, int64_t person_id,
                        const char *refused_form, const struct action_outcome *outcome);

/* POST /people/{id}: action=edit|verifier|move|deactivate. */
enum ct_status page_person_submit(struct web_request *request, struct web_response *response,
                                  int64_t person_id) CT_MUST_CHECK;

/* Writes library_id's officers form (director, board chair), for the coordinator or the
 * library's administrator (nothing for anyone else). */
void person_admin_officers_form(struct web_request *request, struct html *h, int64_t library_id,
                                const struct action_outcome *outcome);

/* POST /libraries/{id}/officers. Back to return_to ("/staff" or "/libraries/{id}"). */
enum ct_status page_library_officers_submit(struct web_request *request,
                                            struct web_response *response,
                                            int64_t library_id) CT_MUST_CHECK;

#endif
