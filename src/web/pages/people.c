#include "people.h"

#include <inttypes.h>
#include <stdio.h>

#include "../../actions/accounts.h"

#include "../../store/store_libraries.h"
#include "../../store/store_people.h"
#include "../api/api.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../html/slim_alert.h"
#include "dashboard.h"
#include "person_admin.h"
#include "../../core/banned.h"

/* The person's library's name, as a paragraph (nothing when they have none). */
static void library_line(struct web_request *request, struct html *h, int64_t library_id)
{
    struct library_view library;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, library_id != 0
                     ? store_library_get(request->store, library_id, &library, &found, &err)
                     : CT_OK);
    if (found) {
        html_markup(h, "<p>");
        html_text(h, library.name);
        html_markup(h, "</p>\n");
    }
}

/* Whether the signed-in person may see person_id's page; when not, or when there is no
 * such person, the page saying so is written and *shown is false. */
static enum ct_status person_seen(struct web_request *request, struct web_response *response,
                                  int64_t person_id, struct person_roles *person, bool *shown)
{
    *shown = false;
    bool allowed = false, found = false;
    struct ct_err err = {0};
    enum ct_status status = web_may_see_person(request, person_id, &allowed, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!allowed) {
        return page_error(request, response, 403, "Not allowed",
                          "You may not see this person's record.");
    }
    status = store_person_get_roles(request->store, person_id, person, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "person");
    }
    *shown = true;
    return CT_OK;
}

/* The person page's body below a heading, after refusal (NULL: none). */
static void person_body(struct web_request *request, struct html *h,
                        const struct person_roles *person, int64_t person_id, const char *refusal)
{
    html_slim_error(h, refusal, false);
    library_line(request, h, person->library_id);
    if ((request->roles & (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)) != 0) {
        html_format(h,
                    "<p><a class=\"usa-link\" href=\"/people/%" PRId64 "/history\">"
                    "History of changes</a></p>\n",
                    person_id);
    }
    page_progress(request, h, person_id, person_id == request->person_id);
    person_admin_write(request, h, person_id, NULL, NULL);
}

enum ct_status page_person(struct web_request *request, struct web_response *response,
                           int64_t person_id)
{
    struct person_roles person;
    bool shown = false;
    enum ct_status status = person_seen(request, response, person_id, &person, &shown);
    if (status != CT_OK || !shown) {
        return status;
    }
    web_set_title(response, "Progress of %s", person.name);
    struct html h;
    html_start(&h, &response->body);
    person_body(request, &h, &person, person_id, NULL);
    return html_status(&h);
}

enum ct_status page_person_invite(struct web_request *request, struct web_response *response,
                                  int64_t person_id)
{
    struct actor actor = web_actor(request);
    struct invitation_send_input input = {person_id};
    struct invitation_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_invitation_send(request->store, &actor, &input, &result, &outcome);
    if (status == CT_OK) {
        char path[64];
        snprintf(path, sizeof path, "/people/%" PRId64, person_id);
        notice_redirect_invited(response, path, "invited", person_id);
        return CT_OK;
    }
    struct person_roles person;
    bool shown = false;
    if (status == CT_ERR_INPUT) {
        status = person_seen(request, response, person_id, &person, &shown);
    }
    if (status != CT_OK || !shown) {
        return status;
    }
    response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 409;
    web_set_title(response, "The invitation was not sent");
    struct html h;
    html_start(&h, &response->body);
    person_body(request, &h, &person, person_id, outcome.err.message);
    return html_status(&h);
}
