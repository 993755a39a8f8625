/*
 * compliance: the statewide compliance view (CE coordinators; consultants see their
 * libraries), filterable, paginated, and downloadable as CSV.
 */
#ifndef CERTTRACK_COMPLIANCE_VIEW_H
#define CERTTRACK_COMPLIANCE_VIEW_H

#include <stdint.h>

#include "../http/request.h"

/* GET /compliance[?program=&status=&page=]. */
enum ct_status page_compliance(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

/* GET /compliance.csv[?program=&status=]: the same rows as CSV, formula-safe. */
enum ct_status page_compliance_csv(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

#endif
