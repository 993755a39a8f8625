#include "people.h"

#include <stdio.h>

#include "../api/api.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/layout.h"
#include "../../core/banned.h"

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
    char name[256], library[256];
    bool found = false;
    status = store_query_text(request->store, "SELECT name FROM people WHERE id = ?",
                              STORE_PARAMS(DB_INT(person_id)), 1, name, sizeof name, &found, &err);
    if (status == CT_OK && !found) {
        return page_error(request, response, 404, "Page not found",
                          "There is no person at this address.");
    }
    bool in_library = false;
    if (status == CT_OK) {
        status = store_query_text(request->store,
                                  "SELECT l.name FROM people p JOIN libraries l"
                                  " ON l.id = p.library_id WHERE p.id = ?",
                                  STORE_PARAMS(DB_INT(person_id)), 1, library, sizeof library,
                                  &in_library, &err);
    }
    char title[300];
    snprintf(title, sizeof title, "Progress of %s", name);
    if (status == CT_OK) {
        status = page_begin(request, response, title);
    }
    if (status == CT_OK && in_library) {
        status = html_buf_markup(&response->body, "<p>");
        if (status == CT_OK) {
            status = html_buf_text(&response->body, library);
        }
        if (status == CT_OK) {
            status = html_buf_markup(&response->body, "</p>\n");
        }
    }
    if (status == CT_OK) {
        status = page_progress(request, &response->body, person_id, person_id == request->person_id,
                               &err);
    }
    return status == CT_OK ? page_end(request, response) : status;
}
