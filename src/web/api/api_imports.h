/*
 * api_imports: /api/v1/imports: the history import for scripts (the body is the CSV file
 * itself, up to the API's 1 MiB; larger files through the page or the command line) and
 * an import's record.
 */
#ifndef CERTTRACK_API_IMPORTS_H
#define CERTTRACK_API_IMPORTS_H

#include "../http/request.h"

/* POST /api/v1/imports/history[?dry_run=true], Content-Type text/csv. */
enum ct_status api_import_history(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /api/v1/imports/people[?dry_run=true], Content-Type text/csv: libraries and
 * people (people_import.h). */
enum ct_status api_import_people(struct web_request *request, struct web_response *response,
                                 int64_t id);

/* GET /api/v1/imports/{id}. */
enum ct_status api_import(struct web_request *request, struct web_response *response,
                          int64_t id) CT_MUST_CHECK;

#endif
