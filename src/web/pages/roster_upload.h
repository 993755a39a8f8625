/*
 * roster_upload: the roster page's upload of who attended (actions/event_roster_upload.h).
 *
 *   POST /catalog/events/{id}/roster/upload  a CSV file (multipart/form-data, field
 *       "file"): the result page lists each line of the file with its outcome; when the
 *       file or any line is at fault (400; 413 for a file over the upload limit) nothing
 *       is recorded: the error summary at the top names the file's fault and each line
 *       at fault (its number and what is wrong), linking to the form again (its file
 *       field marked) and to each such line of the table
 *
 * For the event's host and the CE coordinator (the action refuses anyone else: 403).
 */
#ifndef CERTTRACK_WEB_PAGES_ROSTER_UPLOAD_H
#define CERTTRACK_WEB_PAGES_ROSTER_UPLOAD_H

#include "../http/request.h"

struct html;

/* Writes the upload form of event id's roster into h (with the request's CSRF token), its
 * file field marked with error (NULL: none; borrowed). */
void roster_upload_form(struct web_request *request, struct html *h, int64_t id, const char *error);

enum ct_status page_event_roster_upload(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

#endif
