/*
 * statewide: the statewide picture of certification (GET /statewide), for the CE
 * coordinator (every library) and a consultant (the libraries they serve): the people on
 * each program by their track's status, the directors' standing per kind of library and
 * per library, the credits earned in each of the last twelve months, and what expires
 * next quarter. Each chart is drawn by the server (html/chart_bars.h) beside a table of
 * the same numbers, and each table downloads as CSV (statewide_csv.h). Filtered by ?program= and
 * ?kind= (a kind of library); an unknown value is no filter.
 */
#ifndef CERTTRACK_STATEWIDE_PAGE_H
#define CERTTRACK_STATEWIDE_PAGE_H

#include <stdint.h>

#include "../../store/store_statewide.h"
#include "../html/html.h"
#include "../http/request.h"

/* GET /statewide[?program=&kind=]. */
enum ct_status page_statewide(struct web_request *request, struct web_response *response,
                              int64_t id) CT_MUST_CHECK;

/* ---- shared with the list of the newly certified (statewide_certified.h) ---- */

/* The filter of the request's ?program= (a program of the server's set) and ?kind= (a
 * kind of library), each NULL when absent or unknown; a consultant (without the CE
 * coordinator's role) sees only the libraries they serve. Borrows from the request. */
struct statewide_filter statewide_filter_of(const struct web_request *request);

/* Writes the program and kind selects of a filter form, chosen as filter says. */
void statewide_filter_fields(struct html *h, const struct web_request *request,
                             const struct statewide_filter *filter);

/* Writes "?program=P&kind=K" (what of it the filter holds; "" for none) as an attribute's
 * text, after the path of a link the caller opened; first_separator is '?' or '&'. */
void statewide_filter_query(struct html *h, const struct statewide_filter *filter,
                            char first_separator);

/* Starts a CSV download: its content type and file name "NAME-DAY.csv" (name a
 * constant). */
void statewide_csv_begin(struct web_request *request, struct web_response *response,
                         const char *name);

#endif
