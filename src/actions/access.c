#include "access.h"

#include "../store/store_libraries.h"
#include "../store/store_people.h"
#include "../core/banned.h"

enum ct_status access_may_see_person(struct store *store, const struct actor *actor,
                                     int64_t person_id, bool *allowed, struct ct_err *err)
{
    *allowed = (actor->person_id != 0 && person_id == actor->person_id) ||
               actor_has_role(actor, ROLE_CE_COORDINATOR);
    if (*allowed) {
        return CT_OK;
    }
    struct person_roles person;
    bool found = false;
    enum ct_status status = store_person_get_roles(store, person_id, &person, &found, err);
    if (status != CT_OK || !found || person.library_id == 0) {
        return status;
    }
    *allowed = actor_has_role(actor, ROLE_SUPERVISOR | ROLE_LIBRARY_ADMINISTRATOR) &&
               person.library_id == actor->library_id;
    if (!*allowed && actor_has_role(actor, ROLE_CONSULTANT)) {
        status = store_library_serves(store, person.library_id, actor->person_id, allowed, err);
    }
    return status;
}

enum ct_status access_may_see_library(struct store *store, const struct actor *actor,
                                      int64_t library_id, bool *allowed, struct ct_err *err)
{
    *allowed = actor_has_role(actor, ROLE_CE_COORDINATOR) ||
               (actor_has_role(actor, ROLE_SUPERVISOR | ROLE_LIBRARY_ADMINISTRATOR) &&
                actor->library_id != 0 && actor->library_id == library_id);
    if (*allowed || !actor_has_role(actor, ROLE_CONSULTANT)) {
        return CT_OK;
    }
    return store_library_serves(store, library_id, actor->person_id, allowed, err);
}
