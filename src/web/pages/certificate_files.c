#include "certificate_files.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../certificates/certificate_documents.h"
#include "../../certificates/certificate_pdf.h"
#include "../../certificates/transcript_pdf.h"
#include "../../store/store_transcript.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../../core/banned.h"

void certificate_files_list(struct html *h, int64_t id, bool revoked)
{
    static const struct {
        const char *file;
        const char *label;
    } documents[] = {
        {"certificate.pdf", "Certificate (PDF)"},
        {"transcript.pdf", "Transcript (PDF)"},
        {"credential.jwt", "Open Badges credential"},
    };
    for (size_t i = 0; i < sizeof documents / sizeof documents[0]; i++) {
        if (revoked && strcmp(documents[i].file, "transcript.pdf") != 0) {
            continue;
        }
        html_markup(h, "<li><a href=\"/certificates/");
        html_int(h, id);
        html_markup(h, "/");
        html_text(h, documents[i].file);
        html_markup(h, "\" download>");
        html_text(h, documents[i].label);
        html_markup(h, "</a></li>");
    }
}

/* Gathers certificate id's documents when the signed-in person may have them; *found
 * false (and a 404 page in response) otherwise, or (410) when the certificate is revoked
 * and refuse_revoked: a revoked certificate's PDF and credential are no longer issued.
 * documents is to be released by the caller when *found. */
static enum ct_status load_allowed(struct web_request *request, struct web_response *response,
                                   int64_t id, bool refuse_revoked,
                                   struct certificate_documents *documents, bool *found)
{
    struct certificate_record record;
    struct ct_err err = {0};
    enum ct_status status = store_certificate_find_by_id(request->store, id, &record, found, &err);
    if (status != CT_OK) {
        return status;
    }
    bool allowed = *found && (record.person_id == request->person_id ||
                              (request->roles & ROLE_CE_COORDINATOR) != 0);
    if (!allowed) {
        *found = false;
        return page_not_found(request, response, "certificate of yours");
    }
    if (refuse_revoked && civil_date_is_set(record.revoked)) {
        *found = false;
        char revoked[CIVIL_DATE_TEXT_SIZE], message[256];
        civil_date_format(record.revoked, revoked);
        snprintf(message, sizeof message,
                 "Certificate %s was revoked on %s: its PDF and its credential are no longer"
                 " issued. Its transcript and its public check say it was revoked.",
                 record.number, revoked);
        return page_error(request, response, 410, "Certificate revoked", message);
    }
    status = certificate_documents_load(request->store, &record, documents, &err);
    if (status != CT_OK) {
        certificate_documents_release(documents);
        *found = false;
    }
    return status;
}

static void pdf_lock(struct web_request *request)
{
    if (request->pdf_lock != NULL) {
        pthread_mutex_lock(request->pdf_lock);
    }
}

static void pdf_unlock(struct web_request *request)
{
    if (request->pdf_lock != NULL) {
        pthread_mutex_unlock(request->pdf_lock);
    }
}

/* Sends body as an attachment named number + extension, once it is made (status
 * CT_OK; otherwise the response stays as it is). */
static void attach(struct web_response *response, enum ct_status status, const char *content_type,
                   const char *number, const char *extension)
{
    if (status != CT_OK) {
        return;
    }
    char disposition[128];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s%s\"", number, extension);
    response->content_type = content_type;
    web_add_header(response, "Content-Disposition", disposition);
    web_add_header(response, "Cache-Control", "private, no-store");
}

enum ct_status certificate_pdf_download(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct certificate_documents documents;
    bool found = false;
    enum ct_status status = load_allowed(request, response, id, true, &documents, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    struct certificate_face face;
    certificate_documents_face(&documents, &face);
    struct ct_err err = {0};
    pdf_lock(request);
    status = certificate_pdf_render(&face, &response->body, &err);
    pdf_unlock(request);
    attach(response, status, "application/pdf", documents.record.number, ".pdf");
    certificate_documents_release(&documents);
    return status;
}

/* Loads the certificate's transcript (store_transcript.h) and draws it into out. */
static enum ct_status transcript_render(struct web_request *request,
                                        const struct certificate_documents *documents,
                                        struct transcript *transcript, struct buf *out,
                                        struct ct_err *err)
{
    enum ct_status status =
        store_transcript_load(request->store, &documents->record, transcript, err);
    if (status != CT_OK) {
        return status;
    }
    transcript->issuer = documents->issuer_name; /* the issuer-name setting */
    pdf_lock(request);
    status = transcript_pdf_render(transcript, out, err);
    pdf_unlock(request);
    return status;
}

enum ct_status certificate_transcript_download(struct web_request *request,
                                               struct web_response *response, int64_t id)
{
    struct certificate_documents documents;
    bool found = false;
    enum ct_status status = load_allowed(request, response, id, false, &documents, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    struct transcript transcript;
    transcript_init(&transcript);
    struct ct_err err = {0};
    status = transcript_render(request, &documents, &transcript, &response->body, &err);
    char name[CERTIFICATE_NUMBER_SIZE + 16];
    snprintf(name, sizeof name, "%s-transcript", documents.record.number);
    attach(response, status, "application/pdf", name, ".pdf");
    if (status == CT_ERR_INPUT) {
        /* The record no longer adds up to the certificate (store_transcript.h). */
        buf_release(&response->body);
        status = page_error(request, response, 409, "Transcript unavailable", err.message);
    }
    transcript_release(&transcript);
    certificate_documents_release(&documents);
    return status;
}

enum ct_status certificate_credential_download(struct web_request *request,
                                               struct web_response *response, int64_t id)
{
    if (request->config->signing_key == NULL) {
        return page_error(request, response, 503, "Credentials unavailable",
                          "This server has no signing key, so it issues no credentials.");
    }
    struct certificate_documents documents;
    bool found = false;
    enum ct_status status = load_allowed(request, response, id, true, &documents, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    char *jwt = NULL;
    struct ct_err err = {0};
    status = certificate_documents_credential(&documents, request->config->signing_key, &jwt, &err);
    status = status != CT_OK ? status : buf_append_str(&response->body, jwt);
    attach(response, status, "application/vc+jwt", documents.record.number, ".jwt");
    free(jwt);
    certificate_documents_release(&documents);
    return status;
}
