#include "api_todo.h"

#include <jansson.h>

#include "../../store/store_todo.h"
#include "../html/todo_queues.h"
#include "api_json.h"
#include "../../core/banned.h"

/* The keys the item fields a queue fills go under (NULL: the queue leaves it out). */
struct item_keys {
    const char *id;
    const char *person; /* {"id", "name"} */
    const char *title;
    const char *note;
    const char *day;
    const char *amount;
};

static const struct item_keys keys[STORE_WAITING_QUEUES] = {
    [STORE_WAITING_PLANS_TO_SIGN] = {"plan_version", "learner", NULL, NULL, "submitted", "version"},
    [STORE_WAITING_CLAIMS_TO_VERIFY] = {"activity", "learner", "title", NULL, "date", NULL},
    [STORE_WAITING_STAFF_AT_RISK] = {NULL, "person", NULL, "comment", NULL, NULL},
    [STORE_WAITING_TRACKS_TO_REVIEW] = {NULL, "learner", NULL, NULL, NULL, NULL},
    [STORE_WAITING_REPORTS_TO_READ] = {NULL, "learner", NULL, NULL, "submitted", NULL},
    [STORE_WAITING_HARVEST_INBOX] = {NULL, NULL, NULL, NULL, NULL, "statements"},
    [STORE_WAITING_REFUSED_IMPORTS] = {"import", NULL, "file_name", "kind", "imported", "refused"},
    [STORE_WAITING_LIBRARIES_AT_RISK] = {"library", "director", "name", NULL, NULL, NULL},
    [STORE_WAITING_PLAN_RETURNED] = {"plan_version", NULL, NULL, "comment", NULL, "version"},
    [STORE_WAITING_REPORT_RETURNED] = {NULL, NULL, NULL, "comment", NULL, NULL},
    [STORE_WAITING_TRACK_RETURNED] = {NULL, NULL, NULL, "comment", NULL, NULL},
    [STORE_WAITING_REJECTED_CLAIMS] = {"activity", "verifier", "title", "reason", "date", NULL},
};

/* A date as "YYYY-MM-DD", or null when unset. */
static json_t *date_json(struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    return civil_date_is_set(date) ? json_string(text) : json_null();
}

static json_t *reasons_json(unsigned reasons)
{
    json_t *names = json_array();
    for (unsigned bit = 1; names != NULL && bit <= STORE_WAITING_ADDRESS_UNMAPPED; bit <<= 1) {
        if ((reasons & bit) != 0 &&
            json_array_append_new(names, json_string(todo_queues_reason_name(bit))) != 0) {
            json_decref(names);
            names = NULL;
        }
    }
    return names;
}

/* The engine's word on the track, or null when it was not asked. */
static json_t *progress_json(const struct store_todo_progress *progress)
{
    if (!progress->evaluated) {
        return json_null();
    }
    json_t *object = json_object();
    bool built =
        object != NULL &&
        api_json_set(object, "status", json_string(track_status_name(progress->status))) &&
        api_json_set(object, "blocking",
                     progress->blocked ? json_string(blocking_code_name(progress->blocking))
                                       : json_null()) &&
        api_json_set(object, "category", api_json_text(progress->category)) &&
        api_json_set(object, "remaining_credits", api_json_credits(progress->remaining_halves)) &&
        api_json_set(object, "deadline", date_json(progress->deadline));
    if (!built) {
        json_decref(object);
        return NULL;
    }
    return object;
}

/* Sets key (NULL: nothing to set, value released) of object; false when it fails. */
static bool set_if(json_t *object, const char *key, json_t *value)
{
    if (key == NULL) {
        json_decref(value);
        return true;
    }
    return api_json_set(object, key, value);
}

/* What the harvest inbox's item waits for: an account of a site, or an address. */
static bool harvest_fields(json_t *object, const struct store_todo_item *item)
{
    if ((item->reasons & STORE_WAITING_ACCOUNT_UNLINKED) != 0) {
        return api_json_set(object, "waits_for", json_string("account-link")) &&
               api_json_set(object, "account", api_json_text(item->title)) &&
               api_json_set(object, "site", api_json_text(item->note));
    }
    return api_json_set(object, "waits_for", json_string("course-mapping")) &&
           api_json_set(object, "address", api_json_text(item->title)) &&
           api_json_set(object, "object_name", api_json_text(item->note));
}

static json_t *person_json(int64_t id, const char *name)
{
    return id != 0 ? json_pack("{s:I, s:s?}", "id", (json_int_t)id, "name", name) : json_null();
}

/* The fields every item has, set or null: its track and program, its dates, how long it
 * waited, why, the engine's word, and where it is done. */
static bool common_fields(json_t *object, const char *href, const struct store_todo_item *item)
{
    return api_json_set(object, "track",
                        item->track_id != 0 ? json_integer(item->track_id) : json_null()) &&
           api_json_set(object, "program", api_json_text(item->program)) &&
           api_json_set(object, "deadline", date_json(item->deadline)) &&
           api_json_set(object, "since", date_json(item->since)) &&
           api_json_set(object, "waited_days", json_integer(item->waited_days)) &&
           api_json_set(object, "reasons", reasons_json(item->reasons)) &&
           api_json_set(object, "progress", progress_json(&item->progress)) &&
           api_json_set(object, "href", json_string(href));
}

static json_t *item_json(enum store_todo_queue queue, const struct store_todo_item *item)
{
    const struct item_keys *k = &keys[queue];
    char href[160];
    todo_queues_item_href(queue, item, href, sizeof href);
    json_t *object = json_object();
    bool built = object != NULL && set_if(object, k->id, json_integer(item->id)) &&
                 set_if(object, k->person, person_json(item->person_id, item->person_name)) &&
                 set_if(object, k->title, api_json_text(item->title)) &&
                 set_if(object, k->note, api_json_text(item->note)) &&
                 set_if(object, k->day, date_json(item->day)) &&
                 set_if(object, k->amount, json_integer(item->amount)) &&
                 (queue != STORE_WAITING_HARVEST_INBOX || harvest_fields(object, item)) &&
                 common_fields(object, href, item);
    if (!built) {
        json_decref(object);
        return NULL;
    }
    return object;
}

static json_t *queue_json(enum store_todo_queue queue, const struct store_todo_list *list)
{
    const struct todo_queue_words *words = todo_queue_words(queue);
    json_t *items = json_array();
    for (size_t i = 0; items != NULL && i < list->count; i++) {
        if (api_json_append(items, item_json(queue, &list->items[i])) != CT_OK) {
            json_decref(items);
            items = NULL;
        }
    }
    json_t *object = json_object();
    bool built = object != NULL && api_json_set(object, "queue", json_string(words->name)) &&
                 api_json_set(object, "role", json_string(words->role)) &&
                 api_json_set(object, "title", json_string(words->heading)) &&
                 api_json_set(object, "count", json_integer(list->total)) &&
                 api_json_set(object, "href", json_string(words->nav_href)) &&
                 api_json_set(object, "items", items);
    if (!built) {
        json_decref(object);
        return NULL;
    }
    return object;
}

static json_t *next_step_json(const struct store_todo_item *step)
{
    char href[64];
    todo_queues_next_step_href(step, href, sizeof href);
    json_t *object = json_object();
    bool built = object != NULL && api_json_set(object, "state", api_json_text(step->note)) &&
                 common_fields(object, href, step);
    if (!built) {
        json_decref(object);
        return NULL;
    }
    return object;
}

/* {"as_of", "queues": [...], "next_steps": [...]} of what the store read. */
static json_t *todo_json(const struct store_todo *todo, struct civil_date today)
{
    json_t *queues = json_array();
    for (size_t q = 0; queues != NULL && q < STORE_WAITING_QUEUES; q++) {
        if (todo->held[q] && api_json_append(queues, queue_json((enum store_todo_queue)q,
                                                                &todo->queues[q])) != CT_OK) {
            json_decref(queues);
            queues = NULL;
        }
    }
    json_t *steps = json_array();
    for (size_t i = 0; steps != NULL && i < todo->next_step_count; i++) {
        if (api_json_append(steps, next_step_json(&todo->next_steps[i])) != CT_OK) {
            json_decref(steps);
            steps = NULL;
        }
    }
    json_t *answer = json_object();
    bool built = answer != NULL && api_json_set(answer, "as_of", date_json(today)) &&
                 api_json_set(answer, "queues", queues) &&
                 api_json_set(answer, "next_steps", steps);
    if (!built) {
        json_decref(answer);
        return NULL;
    }
    return answer;
}

enum ct_status api_me_todo(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    struct store_todo_person who = {request->person_id, request->roles, request->library_id,
                                    request->today};
    struct store_todo todo;
    struct ct_err err = {0};
    enum ct_status status = store_todo_read(request->store, &who, &request->arena, &todo, &err);
    if (status != CT_OK) {
        return status;
    }
    json_t *answer = todo_json(&todo, request->today);
    return answer != NULL ? api_json_send(response, 200, answer) : CT_ERR_NOMEM;
}
