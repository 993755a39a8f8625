#include "store_harvest_accounts.h"

#include <inttypes.h>
#include <string.h>

#include "../io/clock.h"
#include "store_harvest_mappings.h"
#include "store_harvest_waiting.h"
#include "../core/banned.h"

enum { ACCOUNT_NAME_MAX = 255 };

static bool is_account_name(const char *name)
{
    size_t length = name != NULL ? strlen(name) : 0;
    if (length == 0 || length > ACCOUNT_NAME_MAX) {
        return false;
    }
    for (const unsigned char *c = (const unsigned char *)name; *c != '\0'; c++) {
        if (*c < ' ' || *c == 0x7f) {
            return false;
        }
    }
    return true;
}

static enum ct_status link_in_transaction(struct store *store, int64_t actor_id, int64_t site_id,
                                          const char *account_name, int64_t person_id,
                                          struct ct_err *err)
{
    int64_t exists = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT id FROM lms_sites WHERE id = ?", &exists, err, DB_INT(site_id));
    if (status == CT_OK && exists == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "site", "no site has the id %" PRId64, site_id);
    }
    exists = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT id FROM people WHERE id = ?", &exists, err,
                            DB_INT(person_id));
    }
    if (status == CT_OK && exists == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id %" PRId64, person_id);
    }
    int64_t linked = 0;
    bool found = false;
    if (status == CT_OK) {
        status = store_harvest_account_find(store, site_id, account_name, &linked, &found, err);
    }
    if (status != CT_OK || (found && linked == person_id)) {
        return status;
    }
    if (found) {
        return ct_err_set(err, CT_ERR_INPUT, "account",
                          "account \"%.100s\" is linked to person %" PRId64 " already",
                          account_name, linked);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    int64_t account_id = 0;
    status = STORE_EXEC(store,
                        "INSERT INTO lms_accounts (site_id, name, person_id, linked_at)"
                        " VALUES (?, ?, ?, ?) RETURNING id",
                        &account_id, err, DB_INT(site_id), DB_TEXT(account_name), DB_INT(person_id),
                        DB_TEXT(now));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LMS_ACCOUNT, account_id, "link", NULL, err);
    }
    return status;
}

enum ct_status store_harvest_account_link(struct store *store, int64_t actor_id, int64_t site_id,
                                          const char *account_name, int64_t person_id,
                                          int64_t *applied, struct ct_err *err)
{
    int64_t applied_here = 0;
    if (applied != NULL) {
        *applied = 0;
    }
    if (!is_account_name(account_name)) {
        return ct_err_set(err, CT_ERR_INPUT, "account",
                          "an account name is 1 to %d characters without control characters",
                          ACCOUNT_NAME_MAX);
    }
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = link_in_transaction(store, actor_id, site_id, account_name, person_id, err);
    if (status == CT_OK) {
        status = store_harvest_apply_waiting_account(store, actor_id, site_id, account_name,
                                                     person_id, &applied_here, err);
    }
    status = store_finish(store, status, err);
    if (status == CT_OK && applied != NULL) {
        *applied = applied_here;
    }
    return status;
}
