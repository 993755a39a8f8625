/*
 * harvest_inbox: the xAPI statements that wait for the coordinator, grouped by what
 * they wait for: an account of a site not linked to a person, or a course or activity
 * address not mapped to a catalog event. Linking or mapping from here applies them
 * (through the same actions as the command line: actions/harvest.h).
 */
#ifndef CERTTRACK_HARVEST_INBOX_H
#define CERTTRACK_HARVEST_INBOX_H

#include "../http/request.h"

/* GET /harvest/inbox[?accounts_page=&courses_page=...]: both groups, a page at a time. */
enum ct_status page_harvest_inbox(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /harvest/inbox/accounts (site, account, email): links the account
 * (action_harvest_account_link), applies what waited for it and redirects to the inbox
 * saying how many were applied and credited; or the inbox again with the error next to
 * the account's field (400). */
enum ct_status page_harvest_inbox_link(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* POST /harvest/inbox/courses (url, event): maps the address to the catalog event
 * (action_harvest_course_map), likewise. */
enum ct_status page_harvest_inbox_map(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

#endif
