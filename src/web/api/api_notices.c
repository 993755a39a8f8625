#include "api_notices.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/notice_settings.h"
#include "../../mail/mail_kinds.h"
#include "../../store/store_notices.h"
#include "../../store/store_settings.h"
#include "api_json.h"
#include "../../core/banned.h"

static const char *group_name(enum mail_kind_group group)
{
    return group == MAIL_KIND_NOTICE     ? "notice"
           : group == MAIL_KIND_REMINDER ? "reminder"
                                         : "account";
}

static bool is_off(const struct notice_choices *choices, const char *kind)
{
    for (size_t i = 0; i < choices->off_count; i++) {
        if (strcmp(choices->off[i], kind) == 0) {
            return true;
        }
    }
    return false;
}

/* The kinds, each on or off as choices say, into a new array (NULL when memory runs out). */
static json_t *kinds_json(const struct notice_choices *choices)
{
    size_t count = 0;
    const struct mail_kind *kinds = mail_kinds(&count);
    json_t *array = json_array();
    for (size_t i = 0; i < count && array != NULL; i++) {
        bool may = kinds[i].group != MAIL_KIND_ACCOUNT;
        json_t *kind = json_pack("{s:s, s:s, s:s, s:b, s:b}", "kind", kinds[i].name, "label",
                                 kinds[i].label, "group", group_name(kinds[i].group), "on",
                                 !may || !is_off(choices, kinds[i].name), "may_turn_off", may);
        if (kind == NULL || json_array_append_new(array, kind) != 0) {
            json_decref(array);
            array = NULL;
        }
    }
    return array;
}

/* Answers the person's choices. */
static enum ct_status answer_choices(struct web_request *request, struct web_response *response)
{
    struct notice_choices choices;
    char window[STORE_SETTING_SIZE], digest[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    enum ct_status status =
        store_notice_choices(request->store, request->person_id, &choices, &err);
    status =
        status == CT_OK ? store_setting_get(request->store, "notice-window", window, &err) : status;
    status = status == CT_OK ? store_setting_get(request->store, "notice-digest-time", digest, &err)
                             : status;
    if (status != CT_OK) {
        return status;
    }
    return api_json_send(response, 200,
                         json_pack("{s:s, s:I, s:s, s:o*}", "delivery",
                                   choices.daily ? "daily" : "gathered", "window_minutes",
                                   (json_int_t)strtol(window, NULL, 10), "digest_time", digest,
                                   "kinds", kinds_json(&choices)));
}

enum ct_status api_me_notices(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)id;
    return answer_choices(request, response);
}

static const struct api_input_field settings_fields[] = {
    API_INPUT("delivery", API_TEXT, struct notice_settings_input, delivery),
    API_INPUT("off", API_LINES, struct notice_settings_input, off),
};

enum ct_status api_me_notices_set(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct notice_settings_input input = {0};
    bool ok = false;
    enum ct_status status =
        api_json_read_input(request, response, settings_fields,
                            sizeof settings_fields / sizeof settings_fields[0], &input, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_notice_settings_set(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &outcome);
    }
    return status != CT_OK ? status : answer_choices(request, response);
}
