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
        struct library_view library;
        status = store_library_get(store, person.library_id, &library, &found, err);
        *allowed = status == CT_OK && found && library.consultant_id == actor->person_id;
    }
    return status;
}
