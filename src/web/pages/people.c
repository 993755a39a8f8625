#include "people.h"

#include <stdio.h>

#include "../../store/store_libraries.h"
#include "../../store/store_people.h"
#include "../api/api.h"
#include "../html/html.h"
#include "../html/layout.h"
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

enum ct_status page_person(struct web_request *request, struct web_response *response,
                           int64_t person_id)
{
    bool allowed = false;
    struct ct_err err = {0};
    enum ct_status status = web_may_see_person(request, person_id, &allowed, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!allowed) {
        return page_error(request, response, 403, "Not allowed",
                          "You may not see this person's record.");
    }
    struct person_roles person;
    bool found = false;
    status = store_person_get_roles(request->store, person_id, &person, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "person");
    }
    web_set_title(response, "Progress of %s", person.name);
    struct html h;
    html_start(&h, &response->body);
    library_line(request, &h, person.library_id);
    page_progress(request, &h, person_id, person_id == request->person_id);
    person_admin_write(request, &h, person_id, NULL, NULL);
    return html_status(&h);
}
