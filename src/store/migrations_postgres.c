/*
 * migrations_postgres: the PostgreSQL form of the migrations that need one.
 */
#include "migrations_postgres.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

enum { MIGRATION_TEXT_LIMIT = 1 << 20, EDITS_PER_MIGRATION = 8 };

struct text_edit {
    const char *from;    /* a piece of the SQLite text, found exactly once */
    const char *through; /* NULL, or the end of the piece: from, up to its first through */
    const char *to;
};

struct postgres_form {
    int64_t version;
    bool after; /* the part run after the migration's C step */
    struct text_edit edits[EDITS_PER_MIGRATION];
    const char *then;    /* SQL run after the edited text; NULL for none */
    const char *instead; /* SQL run instead of the whole part (no edits); NULL for none */
};

static const struct postgres_form forms[] = {
    /* libraries and people reference each other: the reference from libraries is added
     * once people exists. */
    {
        1,
        false,
        {{"consultant_id INTEGER REFERENCES people(id)", NULL, "consultant_id INTEGER"}},
        "ALTER TABLE libraries ADD FOREIGN KEY (consultant_id) REFERENCES people(id);"
        /* SQLite's functions that certtrack's SQL calls, as SQLite defines them. */
        "CREATE FUNCTION instr(haystack text, needle text) RETURNS integer"
        " LANGUAGE sql IMMUTABLE STRICT AS 'SELECT strpos(haystack, needle)';"
        "CREATE FUNCTION group_concat_step(so_far text, value text, separator text)"
        " RETURNS text LANGUAGE sql IMMUTABLE AS"
        " 'SELECT CASE WHEN value IS NULL THEN so_far WHEN so_far IS NULL THEN value"
        " ELSE so_far || separator || value END';"
        "CREATE AGGREGATE group_concat(text, text) (SFUNC = group_concat_step, STYPE = text);"
        "CREATE FUNCTION group_concat_step(so_far text, value bigint, separator text)"
        " RETURNS text LANGUAGE sql IMMUTABLE AS"
        " 'SELECT group_concat_step(so_far, value::text, separator)';"
        "CREATE AGGREGATE group_concat(bigint, text) (SFUNC = group_concat_step, STYPE = text);"
        /* json_extract(document, '$.member') of an integer member: certtrack reads
         * only the ids of rows from the audit log's JSON this way. */
        "CREATE FUNCTION json_extract(document text, path text) RETURNS bigint"
        " LANGUAGE sql IMMUTABLE STRICT AS"
        " $$SELECT (document::jsonb ->> substr(path, 3))::bigint$$;"
        /* text_key_search's key (text_key.h): case folded, decomposed, the combining marks
         * of the Latin, Greek and Cyrillic scripts dropped. */
        "CREATE FUNCTION text_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS"
        " $$SELECT regexp_replace(normalize(replace(lower(value), 'ß', 'ss'), NFD),"
        " '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]',"
        " '', 'g')$$;",
        NULL,
    },
    /* activities is rebuilt in SQLite to widen a CHECK (and its indexes made again);
     * PostgreSQL alters the table and its indexes stay. */
    {
        12,
        false,
        {{"CREATE TABLE activities_v12 (", "WHERE event_id IS NOT NULL AND superseded_by IS NULL;",
          "ALTER TABLE activities DROP CONSTRAINT activities_provenance_check;"
          "ALTER TABLE activities ADD CONSTRAINT activities_provenance_check"
          "  CHECK (provenance IN ('claim', 'catalog', 'harvest', 'imported'));"
          "ALTER TABLE activities ADD COLUMN sponsor TEXT;"}},
        NULL,
        NULL,
    },
    /* A random version 4 UUID is gen_random_uuid() in PostgreSQL, and a trigger calls a
     * function; a BEFORE trigger sets the new row's value before it is written. */
    {
        9,
        false,
        {{NULL, NULL, NULL}},
        NULL,
        "ALTER TABLE people ADD COLUMN subject_uuid TEXT;"
        "UPDATE people SET subject_uuid = gen_random_uuid()::text;"
        "CREATE UNIQUE INDEX people_subject_uuid ON people(subject_uuid);"
        "CREATE FUNCTION people_subject_uuid() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN IF NEW.subject_uuid IS NULL THEN NEW.subject_uuid := gen_random_uuid()::text;"
        " END IF; RETURN NEW; END $$;"
        "CREATE TRIGGER people_subject_uuid BEFORE INSERT ON people FOR EACH ROW"
        " EXECUTE FUNCTION people_subject_uuid();",
    },
    /* The trigger that gives each new certificate its version 1, as a function. */
    {
        21,
        false,
        {{"CREATE TRIGGER certificate_first_version AFTER INSERT ON certificates BEGIN", NULL,
          "CREATE FUNCTION certificate_first_version() RETURNS trigger LANGUAGE plpgsql AS $$"
          " BEGIN"},
         {"NEW.issued, NEW.provenance);END;", NULL,
          "NEW.issued, NEW.provenance); RETURN NEW; END $$;"
          "CREATE TRIGGER certificate_first_version AFTER INSERT ON certificates FOR EACH ROW"
          " EXECUTE FUNCTION certificate_first_version();"}},
        NULL,
        NULL,
    },
};

static const struct postgres_form *form_of(int64_t version, bool after)
{
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (forms[i].version == version && forms[i].after == after) {
            return &forms[i];
        }
    }
    return NULL;
}

/* Makes one edit in text (the whole buffer), refusing when its piece is not there once. */
static enum ct_status apply_edit(struct buf *text, const struct text_edit *edit, int64_t version,
                                 struct ct_err *err)
{
    const char *at = strstr(buf_str(text), edit->from);
    const char *end = at != NULL ? at + strlen(edit->from) : NULL;
    if (at != NULL && edit->through != NULL) {
        end = strstr(at, edit->through);
        end = end != NULL ? end + strlen(edit->through) : NULL;
    }
    if (at == NULL || end == NULL || strstr(at + 1, edit->from) != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "database",
                          "migration %lld: its PostgreSQL edit no longer matches its SQL "
                          "exactly once",
                          (long long)version);
    }
    size_t offset = (size_t)(at - buf_str(text));
    struct buf edited;
    buf_init(&edited, MIGRATION_TEXT_LIMIT);
    enum ct_status status = buf_append(&edited, buf_str(text), offset);
    if (status == CT_OK) {
        status = buf_append_str(&edited, edit->to);
    }
    if (status == CT_OK) {
        status = buf_append_str(&edited, end);
    }
    if (status == CT_OK) {
        buf_release(text);
        *text = edited;
    } else {
        buf_release(&edited);
    }
    return status;
}

enum ct_status migrations_postgres_sql(int64_t version, const char *sql, bool after, char **out,
                                       struct ct_err *err)
{
    *out = NULL;
    const struct postgres_form *form = form_of(version, after);
    struct buf text;
    buf_init(&text, MIGRATION_TEXT_LIMIT);
    enum ct_status status =
        buf_append_str(&text, form != NULL && form->instead != NULL ? form->instead : sql);
    for (size_t i = 0;
         form != NULL && i < EDITS_PER_MIGRATION && form->edits[i].from != NULL && status == CT_OK;
         i++) {
        status = apply_edit(&text, &form->edits[i], version, err);
    }
    if (status == CT_OK && form != NULL && form->then != NULL) {
        status = buf_append_str(&text, form->then);
    }
    if (status == CT_OK) {
        *out = buf_take(&text);
        status = *out != NULL ? CT_OK : ct_err_nomem(err);
    } else if (status == CT_ERR_TOO_LARGE || status == CT_ERR_NOMEM) {
        status = ct_err_nomem(err);
    }
    buf_release(&text);
    return status;
}
