/*
 * statewide_certified: the newly certified (store_newly_certified.h), for the list the
 * State Library publishes each year: the certificates awarded in a range of days, by
 * program and library, as a page, as CSV and as an announcement ready to edit, written
 * from the template announcement.txt (docs/operations.md lists its fields). For the CE
 * coordinator and a consultant (the libraries they serve), filtered like the statewide
 * picture (?program=, ?kind=). ?from= and ?to= (YYYY-MM-DD, both days included) default
 * to the last calendar year.
 */
#ifndef CERTTRACK_STATEWIDE_CERTIFIED_H
#define CERTTRACK_STATEWIDE_CERTIFIED_H

#include <stdint.h>

#include "../http/request.h"

/* GET /statewide/certified[?from=&to=&program=&kind=]: the form, the list and the
 * announcement in a text box; 400 with the fault beside its field when a day is wrong. */
enum ct_status page_statewide_certified(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

/* GET /statewide/certified.csv[...]: program, program_name, library_id, library, city,
 * person_id, name, issued, certificate; 400 (text) when a day is wrong. */
enum ct_status page_statewide_certified_csv(struct web_request *request,
                                            struct web_response *response,
                                            int64_t id) CT_MUST_CHECK;

/* GET /statewide/certified.txt[...]: the announcement as a text/plain download. */
enum ct_status page_statewide_certified_text(struct web_request *request,
                                             struct web_response *response,
                                             int64_t id) CT_MUST_CHECK;

#endif
