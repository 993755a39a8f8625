#include "letters.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>

#include "../../certificates/director_letter.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* Whether the signed-in person may read the letter: its director, the chair of their
 * library's board, or a CE coordinator. */
static bool may_read(const struct web_request *request, const struct director_letter *letter)
{
    return request->person_id == letter->library.director_id ||
           (letter->library.chair_id != 0 && request->person_id == letter->library.chair_id) ||
           (request->roles & ROLE_CE_COORDINATOR) != 0;
}

enum ct_status page_new_director_letter(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct director_letter letter;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        director_letter_load(request->store, id, request->today, &letter, &found, &err);
    if (status == CT_ERR_INPUT || (status == CT_OK && (!found || !may_read(request, &letter)))) {
        return page_not_found(request, response, "new director's letter");
    }
    if (status != CT_OK) {
        return status;
    }
    if (request->pdf_lock != NULL) {
        pthread_mutex_lock(request->pdf_lock);
    }
    status = director_letter_pdf_render(&letter, &response->body, &err);
    if (request->pdf_lock != NULL) {
        pthread_mutex_unlock(request->pdf_lock);
    }
    if (status == CT_OK) {
        char disposition[96];
        snprintf(disposition, sizeof disposition,
                 "attachment; filename=\"new-director-letter-%" PRId64 ".pdf\"", id);
        response->content_type = "application/pdf";
        web_add_header(response, "Content-Disposition", disposition);
        web_add_header(response, "Cache-Control", "private, no-store");
    }
    return status;
}
