/*
 * library_edit: the forms that change libraries and their strategic plans. The CE
 * coordinator adds a library (/libraries/new), edits one (its page, /libraries/{id}) and
 * closes it after a confirmation step (/libraries/{id}/close). The coordinator and the
 * library's own administrator keep its strategic plan: the period form and the goal
 * forms post to /libraries/{id}/plan and /libraries/{id}/goals[/{goal}[/retire|/delete]]
 * and come back to the library's page (/libraries/{id}, or /library for its
 * administrator). A refused form is shown again alone, with each field's fault.
 */
#ifndef CERTTRACK_PAGES_LIBRARY_EDIT_H
#define CERTTRACK_PAGES_LIBRARY_EDIT_H

#include "../../store/store_libraries.h"
#include "../html/html.h"
#include "../http/request.h"

/* The library's strategic plan: its title and period, its goals (retired ones marked),
 * and, for whoever keeps it while the library is open, the forms that change them. */
void library_plan_section(struct web_request *request, struct html *h,
                          const struct library_view *library);

/* The coordinator's form that edits the open library, and the button to close it. */
void library_edit_section(struct web_request *request, struct html *h,
                          const struct library_view *library);

enum ct_status page_library_new(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;
enum ct_status page_library_new_submit(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;
enum ct_status page_library_edit_submit(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;
enum ct_status page_library_close(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;
enum ct_status page_library_close_submit(struct web_request *request, struct web_response *response,
                                         int64_t id) CT_MUST_CHECK;
enum ct_status page_strategic_plan_submit(struct web_request *request,
                                          struct web_response *response, int64_t id) CT_MUST_CHECK;
enum ct_status page_library_goal_add_submit(struct web_request *request,
                                            struct web_response *response,
                                            int64_t id) CT_MUST_CHECK;
/* The goal's own page: its form, and the buttons that retire or delete it. */
enum ct_status page_library_goal(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;
enum ct_status page_library_goal_submit(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;
enum ct_status page_library_goal_retire(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;
enum ct_status page_library_goal_delete(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

#endif
