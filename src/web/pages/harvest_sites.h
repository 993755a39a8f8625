/*
 * harvest_sites: the CE coordinator's harvest home and LMS sites: the sites with their
 * counts, recent imports and the inbox; adding a site (its xAPI key and secret shown
 * once); one site with its statements' reconciliation and its linked accounts, and the
 * form that links an account to a person. docs/harvest.md says what each count means.
 */
#ifndef CERTTRACK_HARVEST_SITES_H
#define CERTTRACK_HARVEST_SITES_H

#include "../http/request.h"

/* GET /harvest[?sites_page=&sites_sort=&sites_dir=]: the sites (a page at a time), the
 * recent imports and how many statements wait in the inbox. */
enum ct_status page_harvest(struct web_request *request, struct web_response *response,
                            int64_t id) CT_MUST_CHECK;

/* GET /harvest/sites/new: the form to add a site. */
enum ct_status page_harvest_site_new(struct web_request *request, struct web_response *response,
                                     int64_t id) CT_MUST_CHECK;

/* POST /harvest/sites/new (url, time_zone, time_zone_other): registers the site
 * (action_harvest_site_add) and shows its xAPI key and secret, this once; or the form
 * again with what was typed and what to fix next to each field (400). */
enum ct_status page_harvest_site_new_submit(struct web_request *request,
                                            struct web_response *response,
                                            int64_t id) CT_MUST_CHECK;

/* GET /harvest/sites/{id}[?accounts_page=&accounts_sort=&accounts_dir=]: the site, the
 * reconciliation of its xAPI statements, its imports and its linked accounts. */
enum ct_status page_harvest_site(struct web_request *request, struct web_response *response,
                                 int64_t site_id) CT_MUST_CHECK;

/* POST /harvest/sites/{id}/accounts (account, email): links the account to the person
 * with that e-mail (action_harvest_account_link), applying the statements waiting for
 * it, then redirects to the site saying how many were applied and credited; or the site
 * again with the error next to its field (400). */
enum ct_status page_harvest_site_link(struct web_request *request, struct web_response *response,
                                      int64_t site_id) CT_MUST_CHECK;

/* GET /harvest/sites/{id}/statements.csv: every statement the site sent, in order of
 * arrival, with what it did (formula-safe CSV). */
enum ct_status page_harvest_site_statements_csv(struct web_request *request,
                                                struct web_response *response,
                                                int64_t site_id) CT_MUST_CHECK;

#endif
