#include "store_harvest_mappings.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/lms_name.h"
#include "store_harvest_sites.h"
#include "../core/banned.h"

/* True when url is the site's address or an address under it. */
static bool is_under_site(const char *url, const char *site_url)
{
    size_t length = strlen(site_url);
    return strncmp(url, site_url, length) == 0 &&
           (url[length] == '\0' || url[length] == '/' || url[length] == '?');
}

enum ct_status store_harvest_event_by_activity_name(struct store *store, const char *site_url,
                                                    const char *activity_name,
                                                    enum harvest_mapping *mapping,
                                                    int64_t *event_id, struct harvest_link *link,
                                                    struct ct_err *err)
{
    *mapping = HARVEST_UNMAPPED;
    char site_key[LMS_URL_SIZE];
    if (activity_name == NULL || activity_name[0] == '\0' ||
        !store_harvest_site_address_key(site_url, site_key)) {
        return CT_OK;
    }
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT event_id, url, activity_name FROM event_lms_links"
                                       " WHERE activity_name <> '' ORDER BY event_id, url",
                                       &stmt, err);
    int64_t first = 0;
    bool has_row = true;
    while (status == CT_OK && has_row) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *url = db_column_text(stmt, 1);
        const char *name = db_column_text(stmt, 2);
        int64_t id = db_column_int64(stmt, 0);
        if (url == NULL || name == NULL || !is_under_site(url, site_key) ||
            !lms_name_matches(name, activity_name)) {
            continue;
        }
        if (first == 0) {
            first = id;
            *mapping = HARVEST_MAPPED;
            if (link != NULL) {
                store_text_copy(link->url, sizeof link->url, url);
                store_text_copy(link->name, sizeof link->name, name);
            }
        } else if (id != first) {
            *mapping = HARVEST_AMBIGUOUS;
        }
    }
    db_finalize(stmt);
    if (status == CT_OK && *mapping == HARVEST_MAPPED) {
        *event_id = first;
    }
    return status;
}

enum ct_status store_harvest_event_by_course_url(struct store *store, const char *url,
                                                 enum harvest_mapping *mapping, int64_t *event_id,
                                                 struct ct_err *err)
{
    *mapping = HARVEST_UNMAPPED;
    int64_t count = 0, first = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT COUNT(DISTINCT event_id) FROM event_lms_links"
                                       " WHERE url = ? AND activity_name = ''",
                                       &count, err, DB_TEXT(url));
    if (status == CT_OK && count == 1) {
        status = STORE_EXEC(store,
                            "SELECT event_id FROM event_lms_links WHERE url = ? AND"
                            " activity_name = ''",
                            &first, err, DB_TEXT(url));
        *mapping = HARVEST_MAPPED;
        *event_id = first;
    } else if (status == CT_OK && count > 1) {
        *mapping = HARVEST_AMBIGUOUS;
    }
    return status;
}

enum ct_status store_harvest_person_by_email(struct store *store, const char *email,
                                             int64_t *person_id, bool *found, struct ct_err *err)
{
    *person_id = 0;
    *found = false;
    char *key = strdup(email);
    if (key == NULL) {
        return ct_err_nomem(err);
    }
    for (char *c = key; *c != '\0'; c++) {
        *c = (char)tolower((unsigned char)*c);
    }
    enum ct_status status = STORE_EXEC(store, "SELECT id FROM people WHERE email_key = ?",
                                       person_id, err, DB_TEXT(key));
    free(key);
    *found = status == CT_OK && *person_id != 0;
    return status;
}

enum ct_status store_harvest_account_find(struct store *store, int64_t site_id,
                                          const char *account_name, int64_t *person_id, bool *found,
                                          struct ct_err *err)
{
    *person_id = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT person_id FROM lms_accounts WHERE site_id = ? AND name = ?",
                   person_id, err, DB_INT(site_id), DB_TEXT(account_name));
    *found = status == CT_OK && *person_id != 0;
    return status;
}
