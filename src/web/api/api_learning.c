#include "api_learning.h"

#include "api_json.h"
#include "../../core/banned.h"

json_t *api_learning_hours(int64_t minutes)
{
    return minutes % 60 == 0 ? json_integer(minutes / 60) : json_real((double)minutes / 60.0);
}

static json_t *id_or_null(int64_t id)
{
    return id > 0 ? json_integer(id) : json_null();
}

/* Sets the quantities every activity's JSON carries, in their order. */
static bool quantities(json_t *item, const struct learning_activity *a)
{
    return api_json_set(item, "category", api_json_text(a->category)) &&
           api_json_set(item, "credits", api_json_credits(a->credit_halves)) &&
           api_json_set(item, "semester_credits", api_json_credits(a->semester_halves)) &&
           api_json_set(item, "quarter_credits", api_json_credits(a->quarter_halves)) &&
           api_json_set(item, "hours", api_learning_hours(a->minutes)) &&
           api_json_set(item, "topic", api_json_text(a->topic)) &&
           api_json_set(item, "plan_item", api_json_text(a->plan_item));
}

json_t *api_learning_activity(const struct learning_activity *a)
{
    json_t *item = json_object();
    bool built = item != NULL && api_json_set(item, "id", json_integer(a->id)) &&
                 api_json_set(item, "key", api_json_text(a->key)) &&
                 api_json_set(item, "kind", api_json_text(a->kind)) &&
                 api_json_set(item, "title", api_json_text(a->title)) &&
                 api_json_set(item, "date", api_json_text(a->date)) && quantities(item, a) &&
                 api_json_set(item, "recorded", api_json_text(a->recorded)) &&
                 api_json_set(item, "status", api_json_text(a->status)) &&
                 api_json_set(item, "event", id_or_null(a->event_id));
    if (!built) {
        json_decref(item);
        return NULL;
    }
    return item;
}

json_t *api_learning_claim(const struct learning_activity *a)
{
    json_t *item = json_object();
    bool built = item != NULL && api_json_set(item, "id", json_integer(a->id)) &&
                 api_json_set(item, "person", json_integer(a->person_id)) &&
                 api_json_set(item, "name", api_json_text(a->person_name)) &&
                 api_json_set(item, "date", api_json_text(a->date)) &&
                 api_json_set(item, "kind", api_json_text(a->kind)) &&
                 api_json_set(item, "title", api_json_text(a->title)) && quantities(item, a) &&
                 api_json_set(item, "event", id_or_null(a->event_id));
    if (!built) {
        json_decref(item);
        return NULL;
    }
    return item;
}
