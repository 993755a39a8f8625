/*
 * api_coordinator: a CE coordinator's work through the JSON API: the event catalog,
 * certificates (revoked with a reason), and the review of submitted tracks and final
 * reports (award, accept, return with a comment). Each action is the page's own
 * (catalog.h, certificates.h, review.h).
 *
 * Every handler has the route table's shape: the request, the response to fill, and
 * the {id} of the path (the certificate's or the track's, where the path has one).
 */
#ifndef CERTTRACK_API_COORDINATOR_H
#define CERTTRACK_API_COORDINATOR_H

#include "../http/request.h"

/* GET /api/v1/catalog/events[?page=&per_page=]: the catalog, newest first. */
enum ct_status api_catalog_events(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /api/v1/catalog/events: adds an event with its LMS links (201). */
enum ct_status api_catalog_event_add(struct web_request *request, struct web_response *response,
                                     int64_t id) CT_MUST_CHECK;

/* GET /api/v1/certificates[?q=&page=&per_page=]: certificates, newest first, filtered
 * by part of the number or of the holder's name. */
enum ct_status api_certificates(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /api/v1/certificates/{id}/revoke: {"reason": ...}. */
enum ct_status api_certificate_revoke(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

/* GET /api/v1/review/tracks[?page=&per_page=]: tracks submitted for the award, with
 * their evaluation today. */
enum ct_status api_review_tracks(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* GET /api/v1/review/reports[?page=&per_page=]: final reports submitted for review. */
enum ct_status api_review_reports(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

/* POST /api/v1/tracks/{id}/award: issues the certificate (201). */
enum ct_status api_track_award(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

/* POST /api/v1/tracks/{id}/return: {"comment": ...}. */
enum ct_status api_track_return(struct web_request *request, struct web_response *response,
                                int64_t id) CT_MUST_CHECK;

/* POST /api/v1/tracks/{id}/report/accept. */
enum ct_status api_report_accept(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

/* POST /api/v1/tracks/{id}/report/return: {"comment": ...}. */
enum ct_status api_report_return(struct web_request *request, struct web_response *response,
                                 int64_t id) CT_MUST_CHECK;

#endif
