#include "store_person_admin.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/verifier_rule.h"
#include "../io/clock.h"
#include "../core/banned.h"

static struct db_param optional_id(int64_t id)
{
    return id > 0 ? DB_INT(id) : DB_TEXT(NULL);
}

/* ---- reading a person ---- */

static void read_person_row(struct db_stmt *stmt, struct person_view *person)
{
    person->id = db_column_int64(stmt, 0);
    store_text_copy(person->name, sizeof person->name, db_column_text(stmt, 1));
    store_text_copy(person->email, sizeof person->email, db_column_text(stmt, 2));
    person->library_id = db_column_int64(stmt, 3);
    store_text_copy(person->library_name, sizeof person->library_name, db_column_text(stmt, 4));
    store_text_copy(person->position, sizeof person->position, db_column_text(stmt, 5));
    person->verifier_id = db_column_int64(stmt, 6);
    store_text_copy(person->verifier_name, sizeof person->verifier_name, db_column_text(stmt, 7));
    person->verifier_by_hand = db_column_int64(stmt, 8) != 0;
    store_text_copy(person->deactivated_at, sizeof person->deactivated_at, db_column_text(stmt, 9));
    person->merged_into = db_column_int64(stmt, 10);
}

struct person_reading {
    struct person_view *person;
    bool *found;
};

static enum ct_status person_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct person_reading *reading = context;
    read_person_row(stmt, reading->person);
    *reading->found = true;
    return CT_OK;
}

static enum ct_status role_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct person_view *person = context;
    unsigned bit = role_bit_of(db_column_text(stmt, 0));
    if (bit != 0 && person->held_count < ROLE_COUNT) {
        person->roles |= bit;
        person->held[person->held_count++] =
            (struct person_role_held){bit, store_date_value(db_column_text(stmt, 1))};
    }
    return CT_OK;
}

enum ct_status store_person_get(struct store *store, int64_t id, struct person_view *person,
                                bool *found, struct ct_err *err)
{
    memset(person, 0, sizeof *person);
    *found = false;
    struct person_reading reading = {person, found};
    enum ct_status status = STORE_EACH_ROW(
        store,
        "SELECT p.id, p.name, p.email, COALESCE(p.library_id, 0), l.name, p.position,"
        " COALESCE(p.verifier_id, 0), v.name, p.verifier_by_hand, p.deactivated_at,"
        " COALESCE(p.merged_into, 0) FROM people p LEFT JOIN libraries l ON l.id = p.library_id"
        " LEFT JOIN people v ON v.id = p.verifier_id WHERE p.id = ?",
        person_row, &reading, err, DB_INT(id));
    if (status == CT_OK && *found) {
        /* role_table's order: learner, supervisor, library administrator, ... */
        status = STORE_EACH_ROW(store,
                                "SELECT role, began FROM person_roles WHERE person_id = ? ORDER BY"
                                " CASE role WHEN 'learner' THEN 0 WHEN 'supervisor' THEN 1"
                                " WHEN 'library-administrator' THEN 2 WHEN 'ce-coordinator' THEN 3"
                                " ELSE 4 END",
                                role_row, person, err, DB_INT(id));
    }
    return status;
}

/* ---- deriving verifiers ---- */

struct library_members {
    struct verifier_member members[512];
    int64_t current[512];
    bool by_hand[512];
    size_t count;
    bool too_many;
};

static enum ct_status member_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct library_members *library = context;
    if (library->count == sizeof library->members / sizeof library->members[0]) {
        library->too_many = true;
        return CT_OK;
    }
    size_t i = library->count++;
    library->members[i] = (struct verifier_member){db_column_int64(stmt, 0),
                                                   verifier_position_of(db_column_text(stmt, 1)),
                                                   store_date_value(db_column_text(stmt, 2))};
    library->current[i] = db_column_int64(stmt, 3);
    library->by_hand[i] = db_column_int64(stmt, 4) != 0;
    return CT_OK;
}

static enum ct_status officers_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct library_officers *library = context;
    library->id = db_column_int64(stmt, 0);
    store_text_copy(library->name, sizeof library->name, db_column_text(stmt, 1));
    library->closed = !db_column_is_null(stmt, 2);
    library->director_id = db_column_int64(stmt, 3);
    library->board_chair_id = db_column_int64(stmt, 4);
    return CT_OK;
}

enum ct_status store_library_officers_get(struct store *store, int64_t id,
                                          struct library_officers *library, bool *found,
                                          struct ct_err *err)
{
    memset(library, 0, sizeof *library);
    enum ct_status status = STORE_EACH_ROW(store,
                                           "SELECT id, name, closed_on, COALESCE(director_id, 0),"
                                           " COALESCE(board_chair_id, 0) FROM libraries"
                                           " WHERE id = ?",
                                           officers_row, library, err, DB_INT(id));
    *found = library->id != 0;
    return status;
}

/* Sets person_id's verifier to verifier_id (0: none), audited as action. */
static enum ct_status set_verifier(struct store *store, int64_t actor_id, int64_t person_id,
                                   int64_t verifier_id, bool by_hand, const char *action,
                                   struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(
            store, "UPDATE people SET verifier_id = ?, verifier_by_hand = ? WHERE id = ?", NULL,
            err, optional_id(verifier_id), DB_INT(by_hand ? 1 : 0), DB_INT(person_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, person_id, action, before, err);
    }
    free(before);
    return status;
}

static enum ct_status derive_all(struct store *store, int64_t actor_id,
                                 const struct library_officers *library,
                                 const struct library_members *people, struct ct_err *err)
{
    struct verifier_officers officers = {library->director_id, library->board_chair_id};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < people->count && status == CT_OK; i++) {
        if (people->by_hand[i]) {
            continue;
        }
        struct verifier_choice choice =
            verifier_rule_choose(&officers, people->members, people->count, &people->members[i]);
        if (choice.derived && choice.verifier_id != people->current[i]) {
            status = set_verifier(store, actor_id, people->members[i].id, choice.verifier_id, false,
                                  "derive-verifier", err);
        }
    }
    return status;
}

enum ct_status store_library_derive_verifiers(struct store *store, int64_t actor_id,
                                              int64_t library_id, struct ct_err *err)
{
    if (library_id <= 0) {
        return CT_OK;
    }
    struct library_officers library;
    bool found = false;
    enum ct_status status = store_library_officers_get(store, library_id, &library, &found, err);
    if (status != CT_OK || !found) {
        return status;
    }
    struct library_members *people = calloc(1, sizeof *people);
    if (people == NULL) {
        return ct_err_nomem(err);
    }
    status = STORE_EACH_ROW(
        store,
        "SELECT p.id, p.position, (SELECT MIN(r.began) FROM person_roles r"
        " WHERE r.person_id = p.id), COALESCE(p.verifier_id, 0), p.verifier_by_hand FROM people p"
        " WHERE p.library_id = ? AND p.deactivated_at IS NULL ORDER BY p.id",
        member_row, people, err, DB_INT(library_id));
    if (status == CT_OK && people->too_many) {
        status = ct_err_set(err, CT_ERR_INPUT, "library",
                            "a library of more than 512 people: set their verifiers by hand");
    }
    if (status == CT_OK) {
        status = derive_all(store, actor_id, &library, people, err);
    }
    free(people);
    return status;
}

/* ---- changing a person ---- */

static char *email_key(const char *email)
{
    char *key = strdup(email);
    for (char *c = key; c != NULL && *c != '\0'; c++) {
        *c = (char)tolower((unsigned char)*c);
    }
    return key;
}

static enum ct_status update_email(struct store *store, int64_t person_id, const char *email,
                                   struct ct_err *err)
{
    char *key = email_key(email);
    if (key == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status =
        STORE_EXEC(store, "UPDATE people SET email = ?, email_key = ? WHERE id = ?", NULL, err,
                   DB_TEXT(email), DB_TEXT(key), DB_INT(person_id));
    free(key);
    if (status == CT_ERR_INPUT) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "email", "another person has the e-mail %.80s", email);
    }
    return status;
}

enum ct_status store_person_roles_began(struct store *store, int64_t person_id,
                                        const struct person_role_held *held, size_t held_count,
                                        struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < held_count && status == CT_OK; i++) {
        const struct role *role = role_of_bit(held[i].bit);
        char began[CIVIL_DATE_TEXT_SIZE];
        if (role != NULL && civil_date_is_set(held[i].began)) {
            status = STORE_EXEC(
                store, "UPDATE person_roles SET began = ? WHERE person_id = ? AND role = ?", NULL,
                err, DB_TEXT(store_date_text(held[i].began, began)), DB_INT(person_id),
                DB_TEXT(role->name));
        }
    }
    return status;
}

/* Replaces person_id's roles with held; a role kept whose day is not given keeps it. */
static enum ct_status replace_roles(struct store *store, int64_t person_id,
                                    const struct person_role_held *held, size_t held_count,
                                    struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (size_t r = 0; r < ROLE_COUNT && status == CT_OK; r++) {
        const struct person_role_held *wanted = NULL;
        for (size_t i = 0; i < held_count; i++) {
            wanted = held[i].bit == role_table[r].bit ? &held[i] : wanted;
        }
        if (wanted == NULL) {
            status = STORE_EXEC(store, "DELETE FROM person_roles WHERE person_id = ? AND role = ?",
                                NULL, err, DB_INT(person_id), DB_TEXT(role_table[r].name));
            continue;
        }
        char began[CIVIL_DATE_TEXT_SIZE];
        status = STORE_EXEC(store,
                            "INSERT INTO person_roles (person_id, role, began) VALUES (?, ?, ?)"
                            " ON CONFLICT (person_id, role) DO UPDATE"
                            " SET began = COALESCE(excluded.began, person_roles.began)",
                            NULL, err, DB_INT(person_id), DB_TEXT(role_table[r].name),
                            DB_TEXT(store_date_text(wanted->began, began)));
    }
    return status;
}

static enum ct_status apply_change(struct store *store, const struct person_change *change,
                                   struct ct_err *err)
{
    enum ct_status status = CT_OK;
    if (change->name != NULL) {
        status = STORE_EXEC(store, "UPDATE people SET name = ? WHERE id = ?", NULL, err,
                            DB_TEXT(change->name), DB_INT(change->person_id));
    }
    if (status == CT_OK && change->email != NULL) {
        status = update_email(store, change->person_id, change->email, err);
    }
    if (status == CT_OK && change->position != NULL) {
        status = STORE_EXEC(store, "UPDATE people SET position = ? WHERE id = ?", NULL, err,
                            DB_TEXT(change->position[0] != '\0' ? change->position : NULL),
                            DB_INT(change->person_id));
    }
    if (status == CT_OK && change->roles_given) {
        status = replace_roles(store, change->person_id, change->held, change->held_count, err);
    }
    return status;
}

/* The library of person_id (0 when none, or no such person). */
static enum ct_status library_of(struct store *store, int64_t person_id, int64_t *library_id,
                                 struct ct_err *err)
{
    *library_id = 0;
    return STORE_EXEC(store, "SELECT COALESCE(library_id, 0) FROM people WHERE id = ?", library_id,
                      err, DB_INT(person_id));
}

enum ct_status store_person_update(struct store *store, int64_t actor_id,
                                   const struct person_change *change, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    int64_t library_id = 0;
    status = store_row_json(store, ENTITY_PERSON, change->person_id, &before, err);
    if (status == CT_OK && before == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "no person has the id %lld",
                            (long long)change->person_id);
    }
    if (status == CT_OK) {
        status = apply_change(store, change, err);
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_PERSON, change->person_id, "edit", before, err);
    }
    if (status == CT_OK) {
        status = library_of(store, change->person_id, &library_id, err);
    }
    if (status == CT_OK) {
        status = store_library_derive_verifiers(store, actor_id, library_id, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* Leaves empty every office person_id holds at a library other than keep_library_id
 * (0: every office), audited on each library. */
static enum ct_status vacate_offices(struct store *store, int64_t actor_id, int64_t person_id,
                                     int64_t keep_library_id, struct ct_err *err)
{
    int64_t library_id = 0;
    enum ct_status status = STORE_EXEC(
        store,
        "SELECT id FROM libraries WHERE (director_id = ?1 OR board_chair_id = ?1) AND id <> ?2"
        " LIMIT 1",
        &library_id, err, DB_INT(person_id), DB_INT(keep_library_id));
    while (status == CT_OK && library_id != 0) {
        char *before = NULL;
        status = store_row_json(store, ENTITY_LIBRARY, library_id, &before, err);
        if (status == CT_OK) {
            status = STORE_EXEC(store,
                                "UPDATE libraries SET director_id = CASE WHEN director_id = ?1"
                                " THEN NULL ELSE director_id END, board_chair_id = CASE WHEN"
                                " board_chair_id = ?1 THEN NULL ELSE board_chair_id END"
                                " WHERE id = ?2",
                                NULL, err, DB_INT(person_id), DB_INT(library_id));
        }
        if (status == CT_OK) {
            status = store_audit(store, actor_id, ENTITY_LIBRARY, library_id, "vacate-office",
                                 before, err);
        }
        free(before);
        int64_t next = 0;
        if (status == CT_OK) {
            status = STORE_EXEC(store,
                                "SELECT id FROM libraries WHERE (director_id = ?1 OR"
                                " board_chair_id = ?1) AND id <> ?2 LIMIT 1",
                                &next, err, DB_INT(person_id), DB_INT(keep_library_id));
        }
        library_id = next;
    }
    return status;
}

enum ct_status store_person_deactivate(struct store *store, int64_t actor_id, int64_t person_id,
                                       const char *at, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    int64_t library_id = 0;
    status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE people SET deactivated_at = ? WHERE id = ?", NULL, err,
                            DB_TEXT(at), DB_INT(person_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, person_id, "deactivate", before, err);
    }
    if (status == CT_OK) {
        status = vacate_offices(store, actor_id, person_id, 0, err);
    }
    if (status == CT_OK) {
        status = library_of(store, person_id, &library_id, err);
    }
    if (status == CT_OK) {
        status = store_library_derive_verifiers(store, actor_id, library_id, err);
    }
    free(before);
    return store_finish(store, status, err);
}

static enum ct_status record_move(struct store *store, int64_t actor_id, int64_t person_id,
                                  int64_t from_library_id, int64_t to_library_id,
                                  struct civil_date moved_on, struct ct_err *err)
{
    char day[CIVIL_DATE_TEXT_SIZE], now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    return STORE_EXEC(store,
                      "INSERT INTO person_library_moves (person_id, from_library_id,"
                      " to_library_id, moved_on, recorded_at, recorded_by)"
                      " VALUES (?, ?, ?, ?, ?, ?)",
                      NULL, err, DB_INT(person_id), optional_id(from_library_id),
                      optional_id(to_library_id), DB_TEXT(store_date_text(moved_on, day)),
                      DB_TEXT(now), optional_id(actor_id));
}

static enum ct_status move_person(struct store *store, int64_t actor_id, int64_t person_id,
                                  int64_t from_library_id, int64_t to_library_id,
                                  const char *position, struct ct_err *err)
{
    enum ct_status status;
    if (to_library_id == 0) {
        status = STORE_EXEC(store,
                            "UPDATE people SET library_id = NULL, position = NULL"
                            " WHERE id = ?",
                            NULL, err, DB_INT(person_id));
    } else {
        status = STORE_EXEC(store,
                            "UPDATE people SET library_id = ?, position = COALESCE(?, position)"
                            " WHERE id = ?",
                            NULL, err, DB_INT(to_library_id), DB_TEXT(position), DB_INT(person_id));
    }
    if (status == CT_OK) {
        status = vacate_offices(store, actor_id, person_id, to_library_id, err);
    }
    if (status == CT_OK) {
        status = store_library_derive_verifiers(store, actor_id, from_library_id, err);
    }
    if (status == CT_OK) {
        status = store_library_derive_verifiers(store, actor_id, to_library_id, err);
    }
    return status;
}

enum ct_status store_person_move(struct store *store, int64_t actor_id, int64_t person_id,
                                 int64_t to_library_id, struct civil_date moved_on,
                                 const char *position, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    int64_t from_library_id = 0;
    status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
    if (status == CT_OK) {
        status = library_of(store, person_id, &from_library_id, err);
    }
    if (status == CT_OK) {
        status =
            record_move(store, actor_id, person_id, from_library_id, to_library_id, moved_on, err);
    }
    if (status == CT_OK) {
        status =
            move_person(store, actor_id, person_id, from_library_id, to_library_id, position, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, person_id, "move", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

static void read_move(struct db_stmt *stmt, void *row)
{
    struct person_move_row *move = row;
    move->id = db_column_int64(stmt, 0);
    store_text_copy(move->from_library, sizeof move->from_library, db_column_text(stmt, 1));
    store_text_copy(move->to_library, sizeof move->to_library, db_column_text(stmt, 2));
    store_text_copy(move->moved_on, sizeof move->moved_on, db_column_text(stmt, 3));
    store_text_copy(move->recorded_by, sizeof move->recorded_by, db_column_text(stmt, 4));
}

enum ct_status store_person_moves(struct store *store, int64_t person_id, struct store_rows *rows,
                                  struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT m.id, f.name, t.name, m.moved_on, r.name"
                           " FROM person_library_moves m"
                           " LEFT JOIN libraries f ON f.id = m.from_library_id"
                           " LEFT JOIN libraries t ON t.id = m.to_library_id"
                           " LEFT JOIN people r ON r.id = m.recorded_by"
                           " WHERE m.person_id = ? ORDER BY m.moved_on, m.id",
                           read_move, rows, err, DB_INT(person_id));
}

enum ct_status store_library_set_officers(struct store *store, int64_t actor_id, int64_t library_id,
                                          int64_t director_id, int64_t board_chair_id,
                                          struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_LIBRARY, library_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(
            store, "UPDATE libraries SET director_id = ?, board_chair_id = ? WHERE id = ?", NULL,
            err, optional_id(director_id), optional_id(board_chair_id), DB_INT(library_id));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_LIBRARY, library_id, "set-officers", before, err);
    }
    if (status == CT_OK) {
        status = store_library_derive_verifiers(store, actor_id, library_id, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_person_verifier_by_hand(struct store *store, int64_t actor_id,
                                             int64_t person_id, int64_t verifier_id,
                                             struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t library_id = 0;
    status = library_of(store, person_id, &library_id, err);
    if (status == CT_OK && verifier_id > 0) {
        status = set_verifier(store, actor_id, person_id, verifier_id, true, "set-verifier", err);
    } else if (status == CT_OK) {
        char *before = NULL;
        status = store_row_json(store, ENTITY_PERSON, person_id, &before, err);
        if (status == CT_OK) {
            status = STORE_EXEC(store, "UPDATE people SET verifier_by_hand = 0 WHERE id = ?", NULL,
                                err, DB_INT(person_id));
        }
        if (status == CT_OK) {
            status =
                store_audit(store, actor_id, ENTITY_PERSON, person_id, "set-verifier", before, err);
        }
        free(before);
        if (status == CT_OK) {
            status = store_library_derive_verifiers(store, actor_id, library_id, err);
        }
    }
    return store_finish(store, status, err);
}
