#include "proofs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../store/store_proofs.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* The type in words. */
static const char *type_words(const char *type)
{
    return strcmp(type, "application/pdf") == 0 ? "PDF"
           : strcmp(type, "image/png") == 0     ? "PNG image"
           : strcmp(type, "image/jpeg") == 0    ? "JPEG image"
                                                : type;
}

/* The size in bytes, KiB or MiB, one decimal. */
static void size_words(int64_t size, char *out, size_t out_size)
{
    if (size < 1024) {
        snprintf(out, out_size, "%lld bytes", (long long)size);
    } else if (size < 1024 * 1024) {
        snprintf(out, out_size, "%.1f KiB", (double)size / 1024.0);
    } else {
        snprintf(out, out_size, "%.1f MiB", (double)size / (1024.0 * 1024.0));
    }
}

static void proof_item(struct html *h, const struct proof_info *proof, int64_t activity_id)
{
    char size[32];
    size_words(proof->size, size, sizeof size);
    html_markup(h, "<li><a class=\"proof-link\" href=\"/proofs/");
    html_int(h, proof->id);
    html_markup(h, "\">");
    html_text(h, proof->file_name[0] != '\0' ? proof->file_name : "proof");
    html_markup(h, "</a> (");
    html_text(h, type_words(proof->content_type));
    html_markup(h, ", ");
    html_text(h, size);
    if (proof->activity_id != activity_id) {
        html_markup(h, ", sent with the earlier claim");
    }
    html_markup(h, ")</li>");
}

void page_proof_list(struct web_request *request, struct html *h, int64_t activity_id,
                     bool say_none)
{
    struct store_rows rows = {.size = sizeof(struct proof_info)};
    struct ct_err err = {0};
    html_fail(h, store_proofs_of_activity(request->store, activity_id, &rows, &err));
    if (rows.count == 0 && say_none) {
        html_markup(h, "<p class=\"proof-none\">No proof was sent.</p>");
    }
    if (rows.count > 0) {
        html_markup(h, "<ul class=\"usa-list proof-list\" aria-label=\"Proof\">");
        const struct proof_info *proofs = rows.items;
        for (size_t i = 0; i < rows.count; i++) {
            proof_item(h, &proofs[i], activity_id);
        }
        html_markup(h, "</ul>");
    }
    store_rows_release(&rows);
}

/* The name to save the file under: the name it was sent with, letters, digits, dots,
 * dashes and underscores kept, anything else an underscore (never a quote or a path). */
static void safe_name(const struct proof_info *proof, char *out, size_t size)
{
    const char *name = proof->file_name[0] != '\0' ? proof->file_name : "proof";
    size_t n = 0;
    for (size_t i = 0; name[i] != '\0' && n + 1 < size; i++) {
        unsigned char c = (unsigned char)name[i];
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '.' || c == '-' || c == '_';
        out[n++] = plain ? (char)c : '_';
    }
    out[n] = '\0';
}

enum ct_status page_proof_download(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    struct proof_file file;
    bool found = false;
    struct ct_err err = {0};
    bool coordinator = (request->roles & ROLE_CE_COORDINATOR) != 0;
    enum ct_status status =
        store_proof_read(request->store, id, request->person_id, coordinator, &file, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "proof");
    }
    status = buf_append(&response->body, (const char *)file.bytes, (size_t)file.info.size);
    free(file.bytes);
    if (status == CT_OK) {
        char name[80], disposition[128];
        safe_name(&file.info, name, sizeof name);
        snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", name);
        /* The type read from the content when it was sent: only the three allowed. */
        response->content_type =
            strcmp(file.info.content_type, "application/pdf") == 0 ? "application/pdf"
            : strcmp(file.info.content_type, "image/png") == 0     ? "image/png"
            : strcmp(file.info.content_type, "image/jpeg") == 0    ? "image/jpeg"
                                                                   : "application/octet-stream";
        web_add_header(response, "Content-Disposition", disposition);
        web_add_header(response, "Cache-Control", "private, no-store");
    }
    return status;
}
