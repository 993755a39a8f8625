/*
 * statewide_csv: each table of the statewide picture (statewide.h) as a CSV download,
 * with the page's filters (?program=, ?kind=), formula-safe (html/csv.h).
 */
#ifndef CERTTRACK_STATEWIDE_CSV_H
#define CERTTRACK_STATEWIDE_CSV_H

#include <stdint.h>

#include "../http/request.h"

/* GET /statewide/programs.csv: program, program_name, then the open tracks complete,
 * in_progress, ineligible, expired, and open_tracks in all. */
enum ct_status page_statewide_programs_csv(struct web_request *request,
                                           struct web_response *response, int64_t id) CT_MUST_CHECK;

/* GET /statewide/kinds.csv: kind ("all" last), libraries, certified, within, late,
 * no_hire_day, no_director. */
enum ct_status page_statewide_kinds_csv(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

/* GET /statewide/directors.csv: library_id, library, kind, director_id, director,
 * hire_day, window_ends, standing (certified, within, late, no-hire-day, no-director). */
enum ct_status page_statewide_directors_csv(struct web_request *request,
                                            struct web_response *response,
                                            int64_t id) CT_MUST_CHECK;

/* GET /statewide/months.csv: month (YYYY-MM), credits_counted. */
enum ct_status page_statewide_months_csv(struct web_request *request, struct web_response *response,
                                         int64_t id) CT_MUST_CHECK;

/* GET /statewide/quarter.csv: month (YYYY-MM) of the next quarter, credits_expiring. */
enum ct_status page_statewide_quarter_csv(struct web_request *request,
                                          struct web_response *response, int64_t id) CT_MUST_CHECK;

/* GET /statewide/expiring.csv: person_id, name, library, credits_expiring, first_expiry. */
enum ct_status page_statewide_expiring_csv(struct web_request *request,
                                           struct web_response *response, int64_t id) CT_MUST_CHECK;

#endif
