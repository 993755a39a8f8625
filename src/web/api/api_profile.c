#include "api_profile.h"

#include <stdlib.h>

#include "../../store/store_profile.h"
#include "api.h"
#include "../../core/banned.h"

enum ct_status api_me_record(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    char *json = NULL;
    struct ct_err err = {0};
    enum ct_status status =
        store_person_record_json(request->store, request->person_id, &json, &err);
    if (status == CT_OK && json == NULL) {
        return api_error(response, 404, "not-found", "There is no such person.");
    }
    if (status == CT_OK) {
        response->content_type = "application/json";
        status = buf_append_str(&response->body, json);
    }
    free(json);
    return status;
}
