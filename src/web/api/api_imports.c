#include "api_imports.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../../actions/history_import.h"
#include "../../actions/people_import.h"
#include "api_json.h"
#include "../../core/banned.h"

/* Refused lines an answer lists; its counts say how many there are. */
enum { REFUSED_LISTED = 200 };

static json_t *refused_json(const struct store_rows *refused)
{
    json_t *lines = json_array();
    const struct record_import_line *items = refused->items;
    for (size_t i = 0; lines != NULL && i < refused->count; i++) {
        json_t *line = json_pack("{sI ss ss}", "line", (json_int_t)items[i].line, "reason",
                                 items[i].reason, "what", items[i].what);
        if (api_json_append(lines, line) != CT_OK) {
            json_decref(lines);
            return NULL;
        }
    }
    return lines;
}

/* {"import", "dry_run", "file_sha256", "lines_read", "created", ..., "refused_lines"}. */
static json_t *import_json(int64_t import_id, bool dry_run, const char *sha256,
                           const struct record_import_counts *counts,
                           const struct store_rows *refused)
{
    json_t *lines = refused_json(refused);
    if (lines == NULL) {
        return NULL;
    }
    return json_pack("{s:o s:b s:s s:I s:I s:I s:I s:I s:o}", "import",
                     dry_run ? json_null() : json_integer(import_id), "dry_run", dry_run,
                     "file_sha256", sha256, "lines_read", (json_int_t)counts->rows_read, "created",
                     (json_int_t)counts->of[RECORD_LINE_CREATED], "updated",
                     (json_int_t)counts->of[RECORD_LINE_UPDATED], "unchanged",
                     (json_int_t)counts->of[RECORD_LINE_UNCHANGED], "refused",
                     (json_int_t)counts->of[RECORD_LINE_REFUSED], "refused_lines", lines);
}

static bool is_csv(const char *content_type)
{
    return content_type != NULL && (strncasecmp(content_type, "text/csv", 8) == 0 ||
                                    strncasecmp(content_type, "text/plain", 10) == 0);
}

/* What an import of either kind answers. */
struct import_answer {
    int64_t import_id;
    char file_sha256[65];
    struct record_import_counts counts;
    struct store_rows refused; /* struct record_import_line, owned */
};

typedef enum ct_status (*importer)(struct store *store, const struct actor *actor, FILE *file,
                                   bool dry_run, struct import_answer *answer,
                                   struct action_outcome *outcome);

static enum ct_status import_history_file(struct store *store, const struct actor *actor,
                                          FILE *file, bool dry_run, struct import_answer *answer,
                                          struct action_outcome *outcome)
{
    const struct history_import_input input = {file, "api upload", "api", dry_run, REFUSED_LISTED};
    struct history_import_result result = {.refused = answer->refused};
    enum ct_status status = action_history_import(store, actor, &input, &result, outcome);
    answer->import_id = result.import_id;
    memcpy(answer->file_sha256, result.file_sha256, sizeof answer->file_sha256);
    answer->counts = result.counts;
    answer->refused = result.refused;
    return status;
}

static enum ct_status import_people_file(struct store *store, const struct actor *actor, FILE *file,
                                         bool dry_run, struct import_answer *answer,
                                         struct action_outcome *outcome)
{
    const struct people_import_input input = {file, "api upload", "api", dry_run, REFUSED_LISTED};
    struct people_import_result result = {.refused = answer->refused};
    enum ct_status status = action_people_import(store, actor, &input, &result, outcome);
    answer->import_id = result.import_id;
    memcpy(answer->file_sha256, result.file_sha256, sizeof answer->file_sha256);
    answer->counts = result.counts;
    answer->refused = result.refused;
    return status;
}

/* Reads the request's body as the file run imports, and answers with what it did. */
static enum ct_status import_body(struct web_request *request, struct web_response *response,
                                  const char *what, importer run)
{
    if (!is_csv(request->content_type)) {
        char message[96];
        snprintf(message, sizeof message, "Send the %s file itself as text/csv.", what);
        return api_json_error(response, 415, "unsupported-media-type", message, NULL);
    }
    const char *dry = web_query_value(request, "dry_run");
    bool dry_run = dry != NULL && strcmp(dry, "true") == 0;
    FILE *file = fmemopen((void *)request->body, request->body_length, "rb");
    if (file == NULL && request->body_length > 0) {
        return CT_ERR_NOMEM;
    }
    struct actor actor = web_actor(request);
    struct import_answer answer = {.refused = {.size = sizeof(struct record_import_line)}};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        file != NULL ? run(request->store, &actor, file, dry_run, &answer, &outcome)
                     : api_json_error(response, 400, "invalid", "The file is empty.", "file");
    if (file != NULL) {
        fclose(file);
    }
    if (file != NULL && status == CT_ERR_INPUT) {
        status = api_json_outcome(response, &outcome);
    } else if (file != NULL && status == CT_OK) {
        status = api_json_send(response, dry_run ? 200 : 201,
                               import_json(answer.import_id, dry_run, answer.file_sha256,
                                           &answer.counts, &answer.refused));
    }
    store_rows_release(&answer.refused);
    return status;
}

enum ct_status api_import_history(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return import_body(request, response, "history", import_history_file);
}

enum ct_status api_import_people(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    return import_body(request, response, "people", import_people_file);
}

enum ct_status api_import(struct web_request *request, struct web_response *response, int64_t id)
{
    struct record_import_view view;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_record_import_get(request->store, id, &view, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return api_json_error(response, 404, "not-found", "There is no such import.", NULL);
    }
    struct store_rows refused = {.size = sizeof(struct record_import_line)};
    status = store_record_import_refused(request->store, id, REFUSED_LISTED, &refused, &err);
    json_t *answer =
        status == CT_OK ? import_json(id, false, view.file_sha256, &view.counts, &refused) : NULL;
    store_rows_release(&refused);
    if (status != CT_OK) {
        return status;
    }
    if (answer != NULL) {
        json_object_set_new(answer, "kind", json_string(view.kind));
        json_object_set_new(answer, "file_name", json_string(view.file_name));
        json_object_set_new(answer, "imported_at", json_string(view.at));
    }
    return api_json_send(response, 200, answer);
}
