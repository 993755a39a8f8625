#include "store_people.h"

#include <ctype.h>
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "store_person_admin.h"
#include "../core/banned.h"

static enum ct_status require_text(const char *value, const char *field, struct ct_err *err)
{
    if (value == NULL || value[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, field, "must not be empty");
    }
    return CT_OK;
}

static struct db_param optional_id(int64_t id)
{
    return id > 0 ? DB_INT(id) : DB_TEXT(NULL);
}

enum ct_status store_library_create(struct store *store, int64_t actor_id,
                                    const struct library_new *library, int64_t *id,
                                    struct ct_err *err)
{
    enum ct_status status = require_text(library->name, "name", err);
    if (status == CT_OK) {
        status = require_text(library->city, "city", err);
    }
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(store,
                        "INSERT INTO libraries (name, city, consultant_id) VALUES (?, ?, ?)"
                        " RETURNING id",
                        id, err, DB_TEXT(library->name), DB_TEXT(library->city),
                        optional_id(library->consultant_id));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_strategic_plan_create(struct store *store, int64_t actor_id,
                                           const struct strategic_plan_new *plan, int64_t *id,
                                           struct ct_err *err)
{
    if (!civil_date_is_set(plan->starts) || !civil_date_is_set(plan->ends) ||
        civil_date_compare(plan->starts, plan->ends) > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "ends", "a plan must end on or after its start");
    }
    enum ct_status status = require_text(plan->title, "title", err);
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    status = STORE_EXEC(store,
                        "INSERT INTO strategic_plans (library_id, title, starts, ends)"
                        " VALUES (?, ?, ?, ?) RETURNING id",
                        id, err, DB_INT(plan->library_id), DB_TEXT(plan->title),
                        DB_TEXT(store_date_text(plan->starts, starts)),
                        DB_TEXT(store_date_text(plan->ends, ends)));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_STRATEGIC_PLAN, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_library_goal_create(struct store *store, int64_t actor_id,
                                         const struct library_goal_new *goal, int64_t *id,
                                         struct ct_err *err)
{
    enum ct_status status = require_text(goal->code, "code", err);
    if (status == CT_OK) {
        status = require_text(goal->title, "title", err);
    }
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(store,
                        "INSERT INTO library_goals (strategic_plan_id, code, title, description)"
                        " VALUES (?, ?, ?, ?) RETURNING id",
                        id, err, DB_INT(goal->strategic_plan_id), DB_TEXT(goal->code),
                        DB_TEXT(goal->title),
                        DB_TEXT(goal->description != NULL ? goal->description : ""));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_LIBRARY_GOAL, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

/* The e-mail's comparison key: ASCII lower case (domains and nearly all local parts
 * are compared without case in practice). */
static char *email_key(const char *email)
{
    char *key = strdup(email);
    for (char *c = key; c != NULL && *c != '\0'; c++) {
        *c = (char)tolower((unsigned char)*c);
    }
    return key;
}

static bool looks_like_email(const char *email)
{
    const char *at = strchr(email, '@');
    return at != NULL && at != email && strchr(at + 1, '.') != NULL && strchr(email, ' ') == NULL;
}

static enum ct_status hash_password(const char *password, char hash[crypto_pwhash_STRBYTES],
                                    struct ct_err *err)
{
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "password", "libsodium cannot start");
    }
    if (strlen(password) < 12) {
        return ct_err_set(err, CT_ERR_INPUT, "password", "must have at least 12 characters");
    }
    if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return ct_err_nomem(err);
    }
    return CT_OK;
}

static enum ct_status insert_roles(struct store *store, int64_t person_id,
                                   const struct person_new *person,
                                   const struct person_details *details, struct ct_err *err)
{
    const char *const *roles = person->roles;
    const struct civil_date *roles_began = details != NULL ? details->roles_began : NULL;
    enum ct_status status = CT_OK;
    for (size_t i = 0; roles != NULL && roles[i] != NULL && status == CT_OK; i++) {
        char began[CIVIL_DATE_TEXT_SIZE];
        const char *day = roles_began != NULL ? store_date_text(roles_began[i], began) : NULL;
        status =
            STORE_EXEC(store, "INSERT INTO person_roles (person_id, role, began) VALUES (?, ?, ?)",
                       NULL, err, DB_INT(person_id), DB_TEXT(roles[i]), DB_TEXT(day));
        if (status != CT_OK) {
            status = ct_err_set(err, CT_ERR_INPUT, "roles", "unknown or repeated role \"%.40s\"",
                                roles[i]);
        }
    }
    return status;
}

static enum ct_status check_person(const struct person_new *person, struct ct_err *err)
{
    enum ct_status status = require_text(person->name, "name", err);
    if (status == CT_OK) {
        status = require_text(person->email, "email", err);
    }
    if (status == CT_OK && !looks_like_email(person->email)) {
        status = ct_err_set(err, CT_ERR_INPUT, "email", "not an e-mail address: \"%.80s\"",
                            person->email);
    }
    return status;
}

enum ct_status store_person_create(struct store *store, int64_t actor_id,
                                   const struct person_new *person, int64_t *id, struct ct_err *err)
{
    return store_person_add(store, actor_id, person, NULL, id, err);
}

enum ct_status store_person_add(struct store *store, int64_t actor_id,
                                const struct person_new *person,
                                const struct person_details *details, int64_t *id,
                                struct ct_err *err)
{
    const char *position = details != NULL ? details->position : NULL;
    char hash[crypto_pwhash_STRBYTES] = "";
    enum ct_status status = check_person(person, err);
    if (status == CT_OK && person->password != NULL) {
        status = hash_password(person->password, hash, err);
    }
    char *key = status == CT_OK ? email_key(person->email) : NULL;
    if (status == CT_OK && key == NULL) {
        status = ct_err_nomem(err);
    }
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        free(key);
        return status;
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    status = STORE_EXEC(store,
                        "INSERT INTO people (name, email, email_key, library_id, verifier_id,"
                        " password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        id, err, DB_TEXT(person->name), DB_TEXT(person->email), DB_TEXT(key),
                        optional_id(person->library_id), optional_id(person->verifier_id),
                        DB_TEXT(hash[0] != '\0' ? hash : NULL), DB_TEXT(now));
    if (status == CT_ERR_INPUT && err != NULL && strstr(err->message, "UNIQUE") != NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "email", "another person has the e-mail %.80s",
                            person->email);
    }
    free(key);
    sodium_memzero(hash, sizeof hash);
    if (status == CT_OK) {
        status = insert_roles(store, *id, person, details, err);
    }
    if (status == CT_OK && position != NULL) {
        status = STORE_EXEC(store, "UPDATE people SET position = ? WHERE id = ?", NULL, err,
                            DB_TEXT(position), DB_INT(*id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, *id, "create", NULL, err);
    }
    if (status == CT_OK && position != NULL) {
        status = store_library_derive_verifiers(store, actor_id, person->library_id, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_person_set_verifier(struct store *store, int64_t actor_id, int64_t person_id,
                                         int64_t verifier_id, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK && before == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id %lld",
                            (long long)person_id);
    }
    if (status == CT_OK && verifier_id == person_id) {
        status = ct_err_set(err, CT_ERR_INPUT, "verifier", "nobody verifies their own credits");
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE people SET verifier_id = ? WHERE id = ?", NULL, err,
                            optional_id(verifier_id), DB_INT(person_id));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_PERSON, person_id, "set-verifier", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

static bool is_number(const char *text)
{
    if (*text == '\0' || strlen(text) > 18) {
        return false;
    }
    for (const char *c = text; *c != '\0'; c++) {
        if (!isdigit((unsigned char)*c)) {
            return false;
        }
    }
    return true;
}

enum ct_status store_person_find(struct store *store, const char *id_or_email, int64_t *id,
                                 struct ct_err *err)
{
    *id = 0;
    enum ct_status status;
    if (is_number(id_or_email)) {
        status = STORE_EXEC(store, "SELECT id FROM people WHERE id = ?", id, err,
                            DB_INT(strtoll(id_or_email, NULL, 10)));
    } else {
        char *key = email_key(id_or_email);
        if (key == NULL) {
            return ct_err_nomem(err);
        }
        status =
            STORE_EXEC(store, "SELECT id FROM people WHERE email_key = ?", id, err, DB_TEXT(key));
        free(key);
    }
    if (status == CT_OK && *id == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id or e-mail \"%.80s\"",
                            id_or_email);
    }
    return status;
}

/* An Argon2id hash made with the parameters every password is hashed with
 * (crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) of a password
 * nobody has: checked against when there is no hash of the person's own, so that an
 * unknown address costs the same work as a wrong password. */
static const char dummy_hash[] = "$argon2id$v=19$m=65536,t=2,p=1$HlwkWJ81jEQfB4J6/On+QQ$"
                                 "HohMxLNVZGCvTlIbCF7cVTXlndnyk5TRi3BuypkRdAA";

void store_person_check_no_password(const char *password)
{
    if (sodium_init() >= 0) {
        (void)crypto_pwhash_str_verify(dummy_hash, password, strlen(password));
    }
}

enum ct_status store_person_check_password(struct store *store, int64_t person_id,
                                           const char *password, bool *matches, struct ct_err *err)
{
    *matches = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db, "SELECT password_hash FROM people WHERE id = ? AND deactivated_at IS NULL",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(person_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row && !db_column_is_null(stmt, 0) && sodium_init() >= 0) {
        *matches =
            crypto_pwhash_str_verify(db_column_text(stmt, 0), password, strlen(password)) == 0;
    } else if (status == CT_OK) {
        store_person_check_no_password(password);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_person_get_roles(struct store *store, int64_t person_id,
                                      struct person_roles *person, bool *found, struct ct_err *err)
{
    memset(person, 0, sizeof *person);
    *found = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT p.name, COALESCE(p.library_id, 0), r.role, p.deactivated_at IS NULL"
                   " FROM people p"
                   " LEFT JOIN person_roles r ON r.person_id = p.id WHERE p.id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(person_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        *found = true;
        snprintf(person->name, sizeof person->name, "%s", db_column_text(stmt, 0));
        person->library_id = db_column_int64(stmt, 1);
        person->roles |= role_bit_of(db_column_text(stmt, 2));
        person->active = db_column_int64(stmt, 3) != 0;
    }
    db_finalize(stmt);
    return status;
}
