/*
 * letters: the State Library's letter to a newly hired library director and their
 * board (certificates/director_letter.h) as a PDF, for the director, the library's board
 * chair and the CE coordinator (anyone else gets 404: whether the person directs a
 * library is not theirs to learn here). The reminders job's mail links to it.
 *
 *   GET /people/{id}/new-director-letter.pdf   the letter about director {id}
 */
#ifndef CERTTRACK_LETTERS_H
#define CERTTRACK_LETTERS_H

#include <stdint.h>

#include "../http/request.h"

enum ct_status page_new_director_letter(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

#endif
