/*
 * record_imports: the CE coordinator's page for bringing in earlier records: the history
 * file upload and the libraries and people one (each with a dry run), the latest imports, and one
 * import's reconciliation.
 */
#ifndef CERTTRACK_PAGES_RECORD_IMPORTS_H
#define CERTTRACK_PAGES_RECORD_IMPORTS_H

#include "../http/request.h"

/* GET /imports: the upload form and the latest imports. */
enum ct_status page_record_imports(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

/* POST /imports/history: the upload; a dry run shows what would change, an import goes
 * to its page. */
enum ct_status page_record_import_history(struct web_request *request,
                                          struct web_response *response, int64_t id) CT_MUST_CHECK;

/* POST /imports/people: the libraries and people upload (people_import.h), as the
 * history one. */
enum ct_status page_record_import_people(struct web_request *request, struct web_response *response,
                                         int64_t id) CT_MUST_CHECK;

/* GET /imports/{id}: one import, its counts and its refused lines. */
enum ct_status page_record_import(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
