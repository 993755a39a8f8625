/*
 * harvest_imports: Moodle report files imported through the web, and the
 * reconciliation of every import (by the web or the command line): its counts and a
 * row per record read, on a page and as CSV.
 */
#ifndef CERTTRACK_HARVEST_IMPORTS_H
#define CERTTRACK_HARVEST_IMPORTS_H

#include "../html/html.h"
#include "../http/request.h"

/* GET /harvest/imports/new[?site=ID]: the upload form (the site preselected). */
enum ct_status page_harvest_import_new(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* POST /harvest/imports/new (multipart/form-data: site, file): imports the file
 * (action_harvest_import, via "web") and redirects to the import; a missing or too large
 * file, an unknown site or a file that is not a report shows the form again with the
 * error next to its field (400, 413 for the size). */
enum ct_status page_harvest_import_new_submit(struct web_request *request,
                                              struct web_response *response,
                                              int64_t id) CT_MUST_CHECK;

/* GET /harvest/imports[?site=&page=&sort=&dir=]: every import, a page at a time. */
enum ct_status page_harvest_imports(struct web_request *request, struct web_response *response,
                                    int64_t id) CT_MUST_CHECK;

/* GET /harvest/imports/{id}[?outcome=&page=&sort=&dir=]: the import's reconciliation:
 * its counts and its rows, a page at a time, filtered by outcome. */
enum ct_status page_harvest_import(struct web_request *request, struct web_response *response,
                                   int64_t import_id) CT_MUST_CHECK;

/* GET /harvest/imports/{id}.csv: every row of the import (formula-safe CSV). */
enum ct_status page_harvest_import_csv(struct web_request *request, struct web_response *response,
                                       int64_t import_id) CT_MUST_CHECK;

/* Writes a table of the latest imports (all sites when site_id is 0), at most limit,
 * or a sentence when there is none. */
void harvest_imports_recent(struct web_request *request, struct html *h, int64_t site_id,
                            int64_t limit);

#endif
