#include "store_harvest.h"

#include <ctype.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "../io/time_zone.h"
#include "store_activities.h"
#include "../core/workflow.h"
#include "../core/lms_name.h"
#include "store_harvest_proof.h"
#include "../core/banned.h"

enum { ACCOUNT_NAME_MAX = 255, FILE_NAME_MAX = 255 };

static const char *const row_outcome_names[] = {
    [HARVEST_ROW_CREATED] = "created",     [HARVEST_ROW_DUPLICATE] = "duplicate",
    [HARVEST_ROW_WITHDRAWN] = "withdrawn", [HARVEST_ROW_WAITING] = "waiting",
    [HARVEST_ROW_REFUSED] = "refused",     [HARVEST_ROW_PARTIAL] = "partial",
};

const char *store_harvest_row_outcome_name(enum harvest_row_outcome outcome)
{
    if ((unsigned)outcome > HARVEST_ROW_PARTIAL) {
        return "refused";
    }
    return row_outcome_names[outcome];
}

/* ---- sites ---- */

static bool is_site_address(const char *url)
{
    size_t scheme = strncmp(url, "https://", 8) == 0 ? 8 : strncmp(url, "http://", 7) == 0 ? 7 : 0;
    if (scheme == 0 || url[scheme] == '\0' || url[scheme] == '/' || strlen(url) >= LMS_URL_SIZE) {
        return false;
    }
    for (const unsigned char *c = (const unsigned char *)url; *c != '\0'; c++) {
        if (*c <= ' ' || *c == 0x7f || *c == '?' || *c == '#') {
            return false;
        }
    }
    return true;
}

/* The address without its trailing '/'s, into out (LMS_URL_SIZE bytes). False when it
 * does not fit. */
static bool site_address_key(const char *url, char out[LMS_URL_SIZE])
{
    size_t length = strlen(url);
    while (length > 0 && url[length - 1] == '/') {
        length--;
    }
    if (length >= LMS_URL_SIZE) {
        return false;
    }
    memcpy(out, url, length);
    out[length] = '\0';
    return true;
}

static void sha256_hex(const char *text, size_t length, char out[HARVEST_SHA256_SIZE])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)text, length);
    sodium_bin2hex(out, HARVEST_SHA256_SIZE, digest, sizeof digest);
}

static void make_credentials(struct lms_site_credentials *credentials,
                             char secret_hash[HARVEST_SHA256_SIZE])
{
    /* Idempotent and thread-safe; libsodium must be started before its generator. */
    if (sodium_init() < 0) {
        abort();
    }
    unsigned char key_bytes[16], secret_bytes[32];
    randombytes_buf(key_bytes, sizeof key_bytes);
    randombytes_buf(secret_bytes, sizeof secret_bytes);
    char key_hex[2 * sizeof key_bytes + 1];
    sodium_bin2hex(key_hex, sizeof key_hex, key_bytes, sizeof key_bytes);
    snprintf(credentials->api_key, sizeof credentials->api_key, "ct_%s", key_hex);
    sodium_bin2hex(credentials->secret, sizeof credentials->secret, secret_bytes,
                   sizeof secret_bytes);
    sodium_memzero(secret_bytes, sizeof secret_bytes);
    sha256_hex(credentials->secret, strlen(credentials->secret), secret_hash);
}

static enum ct_status check_site(const char *url, const char *time_zone, char key[LMS_URL_SIZE],
                                 struct ct_err *err)
{
    if (url == NULL || !is_site_address(url) || !site_address_key(url, key)) {
        return ct_err_set(err, CT_ERR_INPUT, "url",
                          "not a site address like https://learn.example.org: \"%.200s\"",
                          url != NULL ? url : "");
    }
    struct tzif_zone *zone = NULL;
    enum ct_status status = time_zone_load(time_zone, &zone, err);
    tzif_free(zone);
    return status;
}

enum ct_status store_harvest_site_add(struct store *store, int64_t actor_id, const char *url,
                                      const char *time_zone, int64_t *site_id,
                                      struct lms_site_credentials *credentials, struct ct_err *err)
{
    memset(credentials, 0, sizeof *credentials);
    *site_id = 0;
    if (time_zone == NULL || time_zone[0] == '\0') {
        time_zone = "UTC";
    }
    char key[LMS_URL_SIZE];
    enum ct_status status = check_site(url, time_zone, key, err);
    if (status != CT_OK) {
        return status;
    }
    char secret_hash[HARVEST_SHA256_SIZE];
    make_credentials(credentials, secret_hash);
    status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    bool exists = false;
    char found[16];
    status = store_query_text(store, "SELECT 'yes' FROM lms_sites WHERE url = ?",
                              STORE_PARAMS(DB_TEXT(key)), 1, found, sizeof found, &exists, err);
    if (status == CT_OK && exists) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "url", "a site is registered at %.200s already", key);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO lms_sites (url, time_zone, api_key, secret_hash,"
                            " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                            site_id, err, DB_TEXT(key), DB_TEXT(time_zone),
                            DB_TEXT(credentials->api_key), DB_TEXT(secret_hash), DB_TEXT(now));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LMS_SITE, *site_id, "create", NULL, err);
    }
    status = store_finish(store, status, err);
    if (status != CT_OK) {
        sodium_memzero(credentials, sizeof *credentials);
        *site_id = 0;
    }
    return status;
}

static void copy_text(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text != NULL ? text : "");
}

/* Runs a query whose row is (id, url, time_zone, api_key[, secret_hash]) into *site. */
static enum ct_status site_query(struct store *store, const char *sql, struct db_param param,
                                 struct lms_site *site, char secret_hash[HARVEST_SHA256_SIZE],
                                 bool *found, struct ct_err *err)
{
    *found = false;
    memset(site, 0, sizeof *site);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, &param, 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        site->id = db_column_int64(stmt, 0);
        copy_text(site->url, sizeof site->url, db_column_text(stmt, 1));
        copy_text(site->time_zone, sizeof site->time_zone, db_column_text(stmt, 2));
        copy_text(site->api_key, sizeof site->api_key, db_column_text(stmt, 3));
        if (secret_hash != NULL) {
            copy_text(secret_hash, HARVEST_SHA256_SIZE, db_column_text(stmt, 4));
        }
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_harvest_site_find_by_url(struct store *store, const char *url,
                                              struct lms_site *site, bool *found,
                                              struct ct_err *err)
{
    char key[LMS_URL_SIZE];
    if (!site_address_key(url, key)) {
        *found = false;
        memset(site, 0, sizeof *site);
        return CT_OK;
    }
    return site_query(store, "SELECT id, url, time_zone, api_key FROM lms_sites WHERE url = ?",
                      DB_TEXT(key), site, NULL, found, err);
}

enum ct_status store_harvest_site_find_by_id(struct store *store, int64_t site_id,
                                             struct lms_site *site, bool *found, struct ct_err *err)
{
    return site_query(store, "SELECT id, url, time_zone, api_key FROM lms_sites WHERE id = ?",
                      DB_INT(site_id), site, NULL, found, err);
}

enum ct_status store_harvest_site_check_credentials(struct store *store, const char *api_key,
                                                    const char *secret, struct lms_site *site,
                                                    bool *matches, struct ct_err *err)
{
    *matches = false;
    api_key = api_key != NULL ? api_key : "";
    secret = secret != NULL ? secret : "";
    char stored[HARVEST_SHA256_SIZE] = {0};
    bool found = false;
    enum ct_status status = site_query(store,
                                       "SELECT id, url, time_zone, api_key, secret_hash"
                                       " FROM lms_sites WHERE api_key = ?",
                                       DB_TEXT(api_key), site, stored, &found, err);
    if (status != CT_OK) {
        return status;
    }
    /* The same work for an unknown key: hash, then compare with a hash no secret has. */
    char given[HARVEST_SHA256_SIZE];
    sha256_hex(secret, strlen(secret), given);
    if (!found || strlen(stored) != HARVEST_SHA256_SIZE - 1) {
        memset(stored, 'x', HARVEST_SHA256_SIZE - 1);
        stored[HARVEST_SHA256_SIZE - 1] = '\0';
    }
    bool same = sodium_memcmp(given, stored, HARVEST_SHA256_SIZE - 1) == 0;
    *matches = found && same;
    if (!*matches) {
        memset(site, 0, sizeof *site);
    }
    return CT_OK;
}

/* ---- accounts ---- */

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

/* ---- the catalog and people ---- */

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
        !site_address_key(site_url, site_key)) {
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
                copy_text(link->url, sizeof link->url, url);
                copy_text(link->name, sizeof link->name, name);
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

/* ---- completions ---- */

struct catalog_event {
    char title[512];
    enum activity_kind kind;
    int64_t credit_halves;
    char category[128];
    bool lms_verifies;
    struct civil_date starts;
};

static enum ct_status catalog_event_read(struct store *store, int64_t event_id,
                                         struct catalog_event *event, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT title, kind, credit_halves, category,"
                                       " lms_verifies, starts FROM events WHERE id = ?",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(event_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && !has_row) {
        status = ct_err_set(err, CT_ERR_INPUT, "event", "no event has the id %" PRId64, event_id);
    }
    if (status == CT_OK) {
        copy_text(event->title, sizeof event->title, db_column_text(stmt, 0));
        const char *kind = db_column_text(stmt, 1);
        if (kind == NULL || !activity_kind_from_name(kind, &event->kind)) {
            status = ct_err_set(err, CT_ERR_INPUT, "event", "event %" PRId64 " has no known kind",
                                event_id);
        }
        event->credit_halves = db_column_int64(stmt, 2);
        copy_text(event->category, sizeof event->category, db_column_text(stmt, 3));
        event->lms_verifies = db_column_int64(stmt, 4) != 0;
        event->starts = store_date_value(db_column_text(stmt, 5));
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status provenance_add(struct store *store, int64_t activity_id,
                                     const struct harvest_completion *completion, bool *added,
                                     struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    bool from_file = completion->source == HARVEST_FROM_FILE;
    int64_t id = 0;
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO harvest_provenance (activity_id, kind, import_id, statement_id, raw_hash,"
        " received_at, link_url, link_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (activity_id, kind, raw_hash) DO NOTHING RETURNING id",
        &id, err, DB_INT(activity_id), DB_TEXT(from_file ? "file" : "xapi"),
        from_file ? DB_INT(completion->import_id) : DB_TEXT(NULL),
        DB_TEXT(from_file ? NULL : completion->statement_id), DB_TEXT(completion->raw_hash),
        DB_TEXT(now), DB_TEXT(completion->link != NULL ? completion->link->url : NULL),
        DB_TEXT(completion->link != NULL ? completion->link->name : NULL));
    *added = status == CT_OK && id != 0;
    return status;
}

static enum ct_status check_completion(const struct harvest_completion *completion,
                                       struct ct_err *err)
{
    if (!civil_date_is_set(completion->date)) {
        return ct_err_set(err, CT_ERR_INPUT, "date", "a completion needs its date");
    }
    if (completion->raw_hash == NULL || strlen(completion->raw_hash) != HARVEST_SHA256_SIZE - 1) {
        return ct_err_set(err, CT_ERR_INPUT, "raw_hash", "a SHA-256 in hex is required");
    }
    if (completion->source == HARVEST_FROM_FILE && completion->import_id <= 0) {
        return ct_err_set(err, CT_ERR_INPUT, "import", "a completion from a file names its import");
    }
    if (completion->source == HARVEST_FROM_XAPI &&
        (completion->statement_id == NULL || completion->statement_id[0] == '\0')) {
        return ct_err_set(err, CT_ERR_INPUT, "statement",
                          "a completion from xAPI names its statement");
    }
    return CT_OK;
}

static enum ct_status activity_create(struct store *store, int64_t actor_id,
                                      const struct harvest_completion *completion,
                                      const struct catalog_event *event, const char *site_url,
                                      int64_t *activity_id, struct ct_err *err)
{
    struct activity_new activity = {
        .person_id = completion->person_id,
        .record_key = NULL,
        .kind = event->kind,
        .title = event->title,
        .date = completion->date,
        .credit_halves = event->credit_halves,
        .category = event->category,
        .recorded =
            event->kind == ACTIVITY_KIND_ARCHIVED_WEBINAR ? event->starts : civil_date_unset(),
        .status = event->lms_verifies ? "verified" : "pending",
        .provenance = PROVENANCE_HARVEST,
        .event_id = completion->event_id,
        .source = site_url,
        .source_record_id = completion->record_ref,
        .raw_hash = completion->raw_hash,
    };
    return store_activity_add(store, actor_id, &activity, activity_id, err);
}

/* The catalog event and the site of a completion, checked. */
static enum ct_status completion_context(struct store *store,
                                         const struct harvest_completion *completion,
                                         struct catalog_event *event, struct lms_site *site,
                                         struct ct_err *err)
{
    enum ct_status status = check_completion(completion, err);
    if (status == CT_OK) {
        status = catalog_event_read(store, completion->event_id, event, err);
    }
    bool found = false;
    if (status == CT_OK) {
        status = store_harvest_site_find_by_id(store, completion->site_id, site, &found, err);
    }
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "site", "no site has the id %" PRId64,
                            completion->site_id);
    }
    return status;
}

enum ct_status store_harvest_completion_in_transaction(struct store *store, int64_t actor_id,
                                                       const struct harvest_completion *completion,
                                                       struct harvest_completion_outcome *outcome,
                                                       struct ct_err *err)
{
    memset(outcome, 0, sizeof *outcome);
    struct catalog_event event;
    struct lms_site site;
    enum ct_status status = completion_context(store, completion, &event, &site, err);
    struct harvest_completion whole = *completion;
    struct harvest_link course;
    if (status == CT_OK && completion->link != NULL && completion->link->name[0] != '\0') {
        bool complete = false;
        status = store_harvest_proof_part_record(store, completion, &complete, &whole.date,
                                                 outcome->missing, sizeof outcome->missing, err);
        if (status != CT_OK || !complete) {
            outcome->result = HARVEST_PARTIAL;
            return status;
        }
        copy_text(course.url, sizeof course.url, completion->link->url);
        course.name[0] = '\0';
        whole.link = &course;
    }
    int64_t existing = 0;
    if (status == CT_OK) {
        status = store_harvest_proof_holder(store, completion->person_id, completion->event_id,
                                            &existing, err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (existing != 0) {
        outcome->result = HARVEST_DUPLICATE;
        outcome->activity_id = existing;
    } else {
        status =
            activity_create(store, actor_id, &whole, &event, site.url, &outcome->activity_id, err);
        outcome->result = HARVEST_CREATED;
        outcome->verified = event.lms_verifies;
    }
    if (status == CT_OK) {
        status =
            provenance_add(store, outcome->activity_id, &whole, &outcome->provenance_added, err);
    }
    return status;
}

enum ct_status store_harvest_completion(struct store *store, int64_t actor_id,
                                        const struct harvest_completion *completion,
                                        struct harvest_completion_outcome *outcome,
                                        struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        memset(outcome, 0, sizeof *outcome);
        return status;
    }
    status = store_harvest_completion_in_transaction(store, actor_id, completion, outcome, err);
    return store_finish(store, status, err);
}

enum ct_status store_harvest_withdraw(struct store *store, int64_t actor_id, int64_t activity_id,
                                      const char *reason, bool *withdrawn, struct ct_err *err)
{
    *withdrawn = false;
    if (reason == NULL || reason[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "reason", "say why the activity is withdrawn");
    }
    char state[16];
    bool found = false;
    enum ct_status status = store_query_text(
        store,
        "SELECT status FROM activities a WHERE id = ? AND (provenance = 'harvest' OR EXISTS"
        " (SELECT 1 FROM harvest_provenance p WHERE p.activity_id = a.id))",
        STORE_PARAMS(DB_INT(activity_id)), 1, state, sizeof state, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "activity",
                            "no harvested activity has the id %" PRId64, activity_id);
    }
    if (status != CT_OK || strcmp(state, "rejected") == 0) {
        return status;
    }
    const char *action = strcmp(state, "verified") == 0 ? "withdraw" : "reject";
    const char *to = NULL;
    status = workflow_next(WORKFLOW_ACTIVITY, state, action, &to, err);
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_ACTIVITY, activity_id, &before, err);
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        /* The LMS (actor 0) withdraws as no one: status_by stays empty. */
        status = STORE_EXEC(store,
                            "UPDATE activities SET status = ?, status_by = ?, status_at = ?,"
                            " status_reason = ? WHERE id = ?",
                            NULL, err, DB_TEXT(to), actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL),
                            DB_TEXT(now), DB_TEXT(reason), DB_INT(activity_id));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_ACTIVITY, activity_id, "withdraw", before, err);
    }
    free(before);
    status = store_finish(store, status, err);
    *withdrawn = status == CT_OK;
    return status;
}

/* ---- imports ---- */

static const char *last_path_component(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

enum ct_status store_harvest_import_begin(struct store *store, int64_t actor_id, const char *via,
                                          int64_t site_id, const char *file_name,
                                          const char *file_sha256, int64_t *import_id,
                                          struct ct_err *err)
{
    *import_id = 0;
    if (file_sha256 != NULL && strlen(file_sha256) != HARVEST_SHA256_SIZE - 1) {
        return ct_err_set(err, CT_ERR_INPUT, "file_sha256", "a SHA-256 in hex is required");
    }
    char name[FILE_NAME_MAX + 1];
    snprintf(name, sizeof name, "%s", last_path_component(file_name != NULL ? file_name : ""));
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    return STORE_EXEC(store,
                      "INSERT INTO harvest_imports (site_id, imported_by, imported_via,"
                      " imported_at, file_name, file_sha256) VALUES (?, ?, ?, ?, ?, ?)"
                      " RETURNING id",
                      import_id, err, DB_INT(site_id),
                      actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL),
                      DB_TEXT(via != NULL ? via : "command line"), DB_TEXT(now), DB_TEXT(name),
                      DB_TEXT(file_sha256 != NULL ? file_sha256 : ""));
}

enum ct_status store_harvest_row_add(struct store *store, int64_t import_id,
                                     const struct harvest_row *row, struct ct_err *err)
{
    return STORE_EXEC(store,
                      "INSERT INTO harvest_rows (import_id, line, outcome, reason, learner_email,"
                      " learner_name, activity_name, completed, activity_id, column_number)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      NULL, err, DB_INT(import_id), DB_INT(row->line),
                      DB_TEXT(store_harvest_row_outcome_name(row->outcome)), DB_TEXT(row->reason),
                      DB_TEXT(row->learner_email), DB_TEXT(row->learner_name),
                      DB_TEXT(row->activity_name), DB_TEXT(row->completed),
                      row->activity_id > 0 ? DB_INT(row->activity_id) : DB_TEXT(NULL),
                      row->column > 0 ? DB_INT(row->column) : DB_TEXT(NULL));
}

enum ct_status store_harvest_import_finish(struct store *store, int64_t actor_id, int64_t import_id,
                                           const struct harvest_counts *counts,
                                           const char *file_sha256, struct ct_err *err)
{
    if (file_sha256 != NULL && strlen(file_sha256) != HARVEST_SHA256_SIZE - 1) {
        return ct_err_set(err, CT_ERR_INPUT, "file_sha256", "a SHA-256 in hex is required");
    }
    enum ct_status status = STORE_EXEC(
        store,
        "UPDATE harvest_imports SET rows_read = ?, created = ?, duplicates = ?, withdrawn = ?,"
        " waiting = ?, refused = ?, partial = ?, file_sha256 = COALESCE(?, file_sha256)"
        " WHERE id = ?",
        NULL, err, DB_INT(counts->read), DB_INT(counts->created), DB_INT(counts->duplicates),
        DB_INT(counts->withdrawn), DB_INT(counts->waiting), DB_INT(counts->refused),
        DB_INT(counts->partial), DB_TEXT(file_sha256), DB_INT(import_id));
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_HARVEST_IMPORT, import_id, "import", NULL, err);
    }
    return status;
}

static enum harvest_row_outcome row_outcome_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof row_outcome_names / sizeof row_outcome_names[0]; i++) {
        if (name != NULL && strcmp(name, row_outcome_names[i]) == 0) {
            return (enum harvest_row_outcome)i;
        }
    }
    return HARVEST_ROW_REFUSED;
}

enum ct_status store_harvest_rows_each(struct store *store, int64_t import_id,
                                       enum ct_status (*each)(void *context,
                                                              const struct harvest_row *row,
                                                              struct ct_err *err),
                                       void *context, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT line, outcome, reason, learner_email, learner_name,"
                                       " activity_name, completed, activity_id, column_number"
                                       " FROM harvest_rows"
                                       " WHERE import_id = ? ORDER BY line, id",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(import_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK && has_row) {
        status = db_step(stmt, &has_row, err);
        if (status == CT_OK && has_row) {
            struct harvest_row row = {
                .line = db_column_int64(stmt, 0),
                .outcome = row_outcome_from_name(db_column_text(stmt, 1)),
                .reason = db_column_text(stmt, 2),
                .learner_email = db_column_text(stmt, 3),
                .learner_name = db_column_text(stmt, 4),
                .activity_name = db_column_text(stmt, 5),
                .completed = db_column_text(stmt, 6),
                .activity_id = db_column_int64(stmt, 7),
                .column = db_column_int64(stmt, 8),
            };
            status = each(context, &row, err);
        }
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_harvest_import_find(struct store *store, int64_t import_id,
                                         struct harvest_import_info *info, bool *found,
                                         struct ct_err *err)
{
    memset(info, 0, sizeof *info);
    *found = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT id, site_id, file_name, file_sha256, imported_at, rows_read, created,"
                   " duplicates, withdrawn, waiting, refused, partial FROM harvest_imports"
                   " WHERE id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(import_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        info->id = db_column_int64(stmt, 0);
        info->site_id = db_column_int64(stmt, 1);
        copy_text(info->file_name, sizeof info->file_name, db_column_text(stmt, 2));
        copy_text(info->file_sha256, sizeof info->file_sha256, db_column_text(stmt, 3));
        copy_text(info->imported_at, sizeof info->imported_at, db_column_text(stmt, 4));
        info->counts = (struct harvest_counts){db_column_int64(stmt, 5), db_column_int64(stmt, 6),
                                               db_column_int64(stmt, 7), db_column_int64(stmt, 8),
                                               db_column_int64(stmt, 9), db_column_int64(stmt, 10),
                                               db_column_int64(stmt, 11)};
    }
    db_finalize(stmt);
    return status;
}
