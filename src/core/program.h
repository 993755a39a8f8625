/*
 * program: a certification program's rules, as data.
 *
 * A program (for example "msl-strategic") is read from a JSON file: its total credits,
 * its window in years, its categories and their minimums, the activity kinds it
 * accepts with their conversions, its prerequisites, whether a plan and a final report
 * are required, and its successor. The format is described in docs/programs.md. A
 * program_set holds every program one run knows.
 */
#ifndef CERTTRACK_PROGRAM_H
#define CERTTRACK_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "activity_kind.h"
#include "arena.h"
#include "err.h"

#define PROGRAM_MAX_CATEGORIES     32
#define PROGRAM_MAX_WINDOW_YEARS   50
#define PROGRAM_MAX_PREREQUISITES  64
#define PROGRAM_MAX_ENDS_ON_AWARD  64
#define PROGRAM_MAX_CONSIDERATIONS 32

struct program_category {
    const char *id;   /* e.g. "library-administration" */
    const char *name; /* e.g. "Library Administration" */
    int64_t minimum_halves;
};

/* How one accepted kind converts to credits, and its limits. Fields that do not apply
 * to the kind are zero. */
struct kind_rule {
    bool accepted;
    int32_t max_age_years;           /* archived-webinar: viewed within this of recording */
    int64_t semester_credit_halves;  /* college: credit halves per semester credit */
    int64_t quarter_credit_halves;   /* college: credit halves per quarter credit */
    int64_t credits_per_hour_halves; /* presenting: credit halves per hour presented */
    int32_t max_per_topic;           /* presenting: 0 when unlimited */
    int32_t minutes_per_half_credit; /* self-directed */
    int64_t max_halves;              /* self-directed: 0 when unlimited */
    bool must_be_planned;            /* self-directed: listed in the plan in force */
};

struct program {
    struct arena arena; /* owns every string and array below */
    const char *id;
    const char *name;
    const char *issuer;
    const char *description;
    int64_t total_halves;
    int32_t window_years;
    struct program_category *categories;
    size_t category_count;
    struct kind_rule kinds[ACTIVITY_KIND_COUNT];
    const char **prerequisites; /* program ids; any one certificate satisfies */
    size_t prerequisite_count;
    bool plan_required; /* activities before the first plan submission do not count */
    bool final_report_required;
    const char *successor; /* the program that follows an award */
    /* Programs whose open track of the same person ends (is withdrawn) when a track of
     * this program is awarded; none by default. */
    const char **ends_on_award;
    size_t ends_on_award_count;
    /* Questions a person weighs before choosing the program, for people; none by default. */
    const char **considerations;
    size_t consideration_count;
};

/* Decodes a program from JSON text (length bytes). On success *out is a new program the
 * caller frees with program_free. Every problem is reported with the field's path. */
enum ct_status program_parse(const char *text, size_t length, struct program **out,
                             struct ct_err *err) CT_MUST_CHECK;

/* Frees a program and everything it owns; NULL is a no-op. */
void program_free(struct program *program);

/* The index of the category with this id, or -1. */
int program_category_index(const struct program *program, const char *category_id);

/* Every program that one run knows. */
struct program_set {
    struct program **programs; /* owned */
    size_t count;
    size_t capacity;
};

/* Sets up an empty set; allocates nothing. */
void program_set_init(struct program_set *set);

/* Frees every program in the set; the set is then empty. */
void program_set_release(struct program_set *set);

/* Adds program, taking ownership of it (also on failure, when it is freed). Fails when
 * a program with the same id is already in the set. */
enum ct_status program_set_add(struct program_set *set, struct program *program,
                               struct ct_err *err) CT_MUST_CHECK;

/* Whether some program of the set knows the category (false for NULL): an activity's
 * category must be one, and so must a catalog event's. */
bool program_set_knows_category(const struct program_set *set, const char *category_id);

/* The program with this id (borrowed from the set), or NULL. */
const struct program *program_set_find(const struct program_set *set, const char *id);

/* The name of the program with this id, or the id itself when the set has no such
 * program (a record kept from programs since withdrawn). Borrowed. */
const char *program_set_name(const struct program_set *set, const char *id);

/* True when an award of program ends an open track of the program other_id. */
bool program_ends_on_award(const struct program *program, const char *other_id);

/* Checks that program's successor, prerequisites and ends_on_award name programs in set,
 * and that ends_on_award names neither the program itself nor its successor. */
enum ct_status program_check_links(const struct program_set *set, const struct program *program,
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
