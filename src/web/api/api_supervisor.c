#include "api_supervisor.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "api_json.h"
#include "../pages/verify.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

enum ct_status api_verifications(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    static const struct api_column columns[] = {
        {"id", API_COLUMN_INT},
        {"person", API_COLUMN_INT},
        {"name", API_COLUMN_TEXT},
        {"date", API_COLUMN_TEXT},
        {"kind", API_COLUMN_TEXT},
        {"title", API_COLUMN_TEXT},
        {"category", API_COLUMN_TEXT},
        {"credits", API_COLUMN_CREDITS},
        {"semester_credits", API_COLUMN_CREDITS},
        {"quarter_credits", API_COLUMN_CREDITS},
        {"hours", API_COLUMN_HOURS},
        {"topic", API_COLUMN_TEXT},
        {"plan_item", API_COLUMN_TEXT},
        {"event", API_COLUMN_INT},
    };
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct ct_err err = {0};
    int64_t total = 0;
    json_t *items = NULL;
    status = STORE_EXEC(request->store, "SELECT COUNT(*)" VERIFY_QUEUE_FROM, &total, &err,
                        DB_INT(request->person_id));
    if (status == CT_OK) {
        status = api_json_rows(
            request->store,
            "SELECT a.id, p.id, p.name, a.date, a.kind, a.title, a.category, a.credit_halves,"
            " a.semester_halves, a.quarter_halves, a.minutes, a.topic, a.plan_item,"
            " a.event_id" VERIFY_QUEUE_FROM " ORDER BY a.date, a.id LIMIT ? OFFSET ?",
            STORE_PARAMS(DB_INT(request->person_id), DB_INT(page.per_page),
                         DB_INT(api_json_offset(&page))),
            3, columns, COUNT(columns), &items, &err);
    }
    return status == CT_OK ? api_json_send(response, 200, api_json_list(items, &page, total))
                           : status;
}

static const struct api_field decision_fields[] = {
    {"action", NULL, API_TEXT},
    {"activities", "activity", API_IDS},
    {"reason", NULL, API_TEXT},
};

/* The ids the decision named, from the request's fields. */
static json_t *decided_ids(const struct web_request *request)
{
    json_t *ids = json_array();
    for (size_t i = 0; ids != NULL && i < request->form.count; i++) {
        if (strcmp(request->form.names[i], "activity") == 0 &&
            json_array_append_new(ids, json_integer(strtoll(request->form.values[i], NULL, 10)))) {
            json_decref(ids);
            ids = NULL;
        }
    }
    return ids;
}

enum ct_status api_verifications_decide(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    (void)id;
    bool ok = false;
    enum ct_status status =
        api_json_read_body(request, response, decision_fields, COUNT(decision_fields), &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    const char *action = web_form_value(request, "action");
    struct ct_err err = {0};
    bool allowed = true;
    int decided = 0;
    status =
        verify_decide(request, action, web_form_value(request, "reason"), &allowed, &decided, &err);
    if (status == CT_OK && !allowed) {
        /* Nothing changed; the same answer whether the claims exist or not. */
        return api_json_error(response, 403, "forbidden",
                              "You do not verify one of these claims: none was changed.",
                              "activities");
    }
    if (status == CT_ERR_INPUT) {
        return api_json_refusal(response, &err, decision_fields, COUNT(decision_fields));
    }
    if (status != CT_OK) {
        return status;
    }
    return api_json_send(response, 200,
                         json_pack("{s:s, s:i, s:o}", "action", action, "decided", decided,
                                   "activities", decided_ids(request)));
}
