#include "demo_data.h"

#include <stdio.h>
#include <string.h>

#include "../store/store_activities.h"
#include "../store/store_award.h"
#include "../store/store_catalog.h"
#include "../store/store_library_edits.h"
#include "../store/store_people.h"
#include "../store/store_person_admin.h"
#include "../store/store_tracks.h"
#include "../core/banned.h"

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

enum {
    DEMO_LIBRARIES = 80,
    DEMO_COORDINATORS = 3,
    DEMO_CONSULTANTS = 6,
    DEMO_EVENTS = 40,
    DEMO_MAX_GOALS = 5,
    DEMO_STAFF_PER_LIBRARY = 2,
    YEAR = 365,
    /* The last catalog event starts this many days from today. */
    CATALOG_AHEAD_DAYS = 90,
};

/* ---- the data the set is drawn from ---- */

struct town {
    const char *name;
    bool large; /* large enough to have a business manager (library administrator) */
};

static const struct town towns[] = {
    {"Hamilton", false},       {"Anaconda", false},
    {"Baker", false},          {"Belgrade", false},
    {"Big Timber", false},     {"Bigfork", false},
    {"Billings", true},        {"Boulder", false},
    {"Bozeman", true},         {"Broadus", false},
    {"Browning", false},       {"Butte", true},
    {"Chester", false},        {"Chinook", false},
    {"Choteau", false},        {"Circle", false},
    {"Columbia Falls", false}, {"Columbus", false},
    {"Conrad", false},         {"Cut Bank", false},
    {"Darby", false},          {"Deer Lodge", false},
    {"Dillon", false},         {"Ekalaka", false},
    {"Ennis", false},          {"Eureka", false},
    {"Forsyth", false},        {"Fort Benton", false},
    {"Glasgow", false},        {"Glendive", false},
    {"Great Falls", true},     {"Hardin", false},
    {"Harlem", false},         {"Harlowton", false},
    {"Havre", true},           {"Helena", true},
    {"Hot Springs", false},    {"Hysham", false},
    {"Jordan", false},         {"Kalispell", true},
    {"Laurel", false},         {"Lewistown", false},
    {"Libby", false},          {"Livingston", false},
    {"Malta", false},          {"Manhattan", false},
    {"Miles City", false},     {"Missoula", true},
    {"Philipsburg", false},    {"Plains", false},
    {"Plentywood", false},     {"Polson", false},
    {"Poplar", false},         {"Red Lodge", false},
    {"Ronan", false},          {"Roundup", false},
    {"Ryegate", false},        {"Saco", false},
    {"Scobey", false},         {"Shelby", false},
    {"Sheridan", false},       {"Sidney", false},
    {"Stanford", false},       {"Stevensville", false},
    {"Superior", false},       {"Terry", false},
    {"Thompson Falls", false}, {"Three Forks", false},
    {"Townsend", false},       {"Troy", false},
    {"Twin Bridges", false},   {"Virginia City", false},
    {"Whitefish", false},      {"White Sulphur Springs", false},
    {"Wibaux", false},         {"Winnett", false},
    {"Wolf Point", false},     {"Absarokee", false},
    {"Augusta", false},        {"Big Sandy", false},
};
_Static_assert(COUNT_OF(towns) == DEMO_LIBRARIES, "one town per library");

static const char *const library_kinds[] = {"Public Library", "City-County Library",
                                            "Community Library", "Public Library"};

static const char *const first_names[] = {
    "Avery",  "Blake",   "Casey",  "Dakota", "Emery",  "Finley", "Harper",
    "Jordan", "Kendall", "Logan",  "Morgan", "Noel",   "Parker", "Quinn",
    "Reese",  "Rowan",   "Sage",   "Taylor", "Teagan", "Wren",   "José",
    "Zoë",    "Siobhán", "Łukasz", "Ngozi",  "Mei",    "Aroha",  "Dagny",
};

static const char *const last_names[] = {
    "Anderson",     "Bighorn",  "Carlson",    "Dupuis",     "Eriksen",       "Fontaine",
    "Gallagher",    "Hansen",   "Iron Cloud", "Jensen",     "Kowalski",      "Lindqvist",
    "Martínez",     "Nakamura", "O'Brien",    "Peterson",   "Running Crane", "Schmidt",
    "Two Feathers", "Van Dyke", "Whitehorse", "Yellowtail", "Zimmerman",     "Østergaard",
};

/* A strategic plan goal, and what a learner's plan serving it looks like. */
struct goal_theme {
    const char *title;
    const char *description;
    const char *personal_goal;
    const char *outcomes;
    const char *reading;  /* self-directed item sd1 */
    const char *visit;    /* self-directed item sd2 */
    const char *training; /* training item t1 */
};

static const struct goal_theme goal_themes[] = {
    {"Early literacy", "Every child in the county starts school ready to read.",
     "Lead the library's early literacy outreach", "Two new storytime sites within a year",
     "Read and summarise early literacy research", "Visit two libraries with model storytimes",
     "Early Literacy Storytime Skills (MSL)"},
    {"Digital inclusion", "Residents can get online and use the internet with confidence.",
     "Run a digital skills help desk", "Weekly drop-in hours and a volunteer tech team",
     "Study digital navigator programs", "Shadow a digital navigator at a larger library",
     "Digital Navigators in Small Libraries"},
    {"Community spaces", "The library is the place people meet, learn and make things.",
     "Open a small makerspace", "A maker kit collection and monthly maker nights",
     "Read makerspace planning guides", "Tour makerspaces in two Montana libraries",
     "Makerspaces on a Shoestring"},
    {"Collections that reflect the community", "Materials and local history for everyone.",
     "Build a local history collection", "A digitised photo archive open to the public",
     "Study digitisation standards", "Visit the Montana Historical Society archives",
     "Preserving Local History Collections"},
    {"Workforce skills", "Job seekers and small businesses find help at the library.",
     "Offer job search and small business help", "A resume clinic and a business resources page",
     "Review workforce programs in public libraries", "Meet the local Job Service office",
     "Libraries and Workforce Development"},
    {"Sound governance", "The board and staff plan, budget and report well.",
     "Strengthen budgeting and board reporting", "A program budget and quarterly board reports",
     "Read public library finance guides", "Attend two board meetings of a peer library",
     "Budgeting for Small Libraries"},
};

static const char *const categories[] = {"library-administration", "public-services",
                                         "collection-management", "technology"};

/* Titles of ordinary claims, four per category (in the order of categories[]). */
static const char *const claim_titles[][4] = {
    {"Supervising Library Staff", "Library Law and Policy", "Working with Your Board",
     "Annual Reports and Statistics"},
    {"Readers' Advisory Roundtable", "Serving Teens in Small Libraries",
     "Reference Interview Refresher", "Outreach to Rural Patrons"},
    {"Weeding Without Worry", "Cataloging Basics", "Writing a Collection Development Policy",
     "Interlibrary Loan Best Practices"},
    {"Cybersecurity at the Circulation Desk", "Troubleshooting Public Computers",
     "Hotspot Lending Programs", "Intro to Digital Archives"},
};

static const char *const college_titles[] = {
    "LIS 501 Foundations of Library and Information Science",
    "LIS 520 Information Organization",
    "LIS 535 Reference and Information Services",
    "LIS 560 Management of Library Organizations",
};

struct presentation {
    const char *topic;
    const char *title;
};

static const struct presentation presentations[] = {
    {"Intro to cataloging", "Presented: Intro to cataloging"},
    {"Storytime for toddlers", "Presented: Storytime for toddlers"},
    {"Using the state databases", "Presented: Using the state databases"},
    {"Library trustee roles", "Presented: Library trustee roles"},
};

static const char *const event_titles[DEMO_EVENTS] = {
    "Collection Development Basics",
    "Weeding Without Worry",
    "Reference Interview Refresher",
    "Library Board Essentials",
    "Budgeting for Small Libraries",
    "Intellectual Freedom Today",
    "Cataloging with RDA",
    "Serving Patrons Experiencing Homelessness",
    "Tech Trends for Libraries",
    "Cybersecurity at the Circulation Desk",
    "Early Literacy Storytime Skills",
    "Grant Writing Workshop",
    "Montana Library Association Conference: Leadership Day",
    "Summer Reading Planning",
    "Accessible Library Services",
    "Strategic Planning Step by Step",
    "Makerspaces on a Shoestring",
    "Working with Your Board Chair",
    "ILS Migration Lessons",
    "Genealogy Resources in Montana",
    "Digital Navigators in Small Libraries",
    "Preserving Local History Collections",
    "Libraries and Workforce Development",
    "Library Law for Directors",
    "Customer Service at the Desk",
    "Montana Memory Project Digitization",
    "Hiring and Onboarding Library Staff",
    "Programming for Older Adults",
    "Network Basics for Library Staff",
    "Montana Library Association Conference: Technology Day",
    "Copyright for Librarians",
    "De-escalation for Library Staff",
    "Public Library Standards Review",
    "Tribal College Library Partnerships",
    "Readers' Advisory for Every Genre",
    "Open Meetings and Public Records",
    "Mobile Outreach on a Budget",
    "Spanish-Language Collections",
    "Library Facilities Planning",
    "Fall Workshop: Library Marketing",
};

static const char *const sponsors[] = {"Montana State Library", "Montana Library Association",
                                       "WebJunction", "Montana State University Library"};

/* ---- the generator's state ---- */

/* A catalog event, as a registration copies it. */
struct demo_event {
    int64_t id;
    struct civil_date starts;
    enum activity_kind kind;
    int64_t credit_halves;
    const char *category;
    const char *title;
};

/* A library with its strategic plan's goals and its supervisors. */
struct library_people {
    int index;
    int64_t library;
    int64_t goals[DEMO_MAX_GOALS];
    const struct goal_theme *themes[DEMO_MAX_GOALS];
    size_t goal_count;
    int64_t director;
    int64_t chair;
};

struct demo {
    struct store *store;
    struct civil_date today;
    uint64_t random; /* splitmix64 state */
    struct ct_err *err;
    int64_t coordinator;
    int64_t consultants[DEMO_CONSULTANTS];
    struct demo_event events[DEMO_EVENTS];
    int people_made;
    struct library_people first_library; /* director@'s, for the log-ins made last */
};

/* ---- small helpers ---- */

static uint64_t demo_random(struct demo *demo)
{
    uint64_t z = (demo->random += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A number in [0, n). */
static int64_t below(struct demo *demo, int64_t n)
{
    return n > 0 ? (int64_t)(demo_random(demo) % (uint64_t)n) : 0;
}

static struct civil_date day_from_today(const struct demo *demo, int64_t days)
{
    return civil_date_add_days(demo->today, (int32_t)days);
}

static bool is_future(const struct demo *demo, struct civil_date date)
{
    return civil_date_compare(date, demo->today) > 0;
}

/* Creates a person with a drawn name; without an e-mail, prefix + a number. Only the
 * demo log-ins get a password (Argon2id hashing is slow on purpose). */
static enum ct_status add_person(struct demo *demo, const char *prefix, const char *email,
                                 int64_t library, int64_t verifier, const char *const *roles,
                                 int64_t *id)
{
    char name[96], generated[96];
    snprintf(name, sizeof name, "%s %s", first_names[below(demo, COUNT_OF(first_names))],
             last_names[below(demo, COUNT_OF(last_names))]);
    if (email == NULL) {
        snprintf(generated, sizeof generated, "%s%03d@%s.example.org", prefix, demo->people_made,
                 library > 0 ? "library" : "msl");
    }
    demo->people_made++;
    struct person_new person = {
        .name = name,
        .email = email != NULL ? email : generated,
        .library_id = library,
        .verifier_id = verifier,
        .roles = roles,
        .password = email != NULL ? DEMO_PASSWORD : NULL,
    };
    return store_person_create(demo->store, demo->coordinator, &person, id, demo->err);
}

/* ---- activities ---- */

struct claim {
    int64_t person;
    int64_t verifier;
    struct civil_date date;
    enum activity_kind kind;
    const char *title;
    int64_t credit_halves;
    int64_t semester_halves;
    int64_t quarter_halves;
    int64_t minutes;
    const char *category;
    const char *topic;
    const char *plan_item;
    struct civil_date recorded;
    int64_t event;
    const char *outcome; /* "verified", "pending", "rejected" or "withdrawn" */
};

static struct claim claim_init(int64_t person, int64_t verifier, struct civil_date date,
                               enum activity_kind kind, const char *outcome)
{
    struct claim claim;
    memset(&claim, 0, sizeof claim);
    claim.person = person;
    claim.verifier = verifier;
    claim.date = date;
    claim.kind = kind;
    claim.recorded = civil_date_unset();
    claim.outcome = outcome;
    return claim;
}

/* What the verifier did with the claim: verified, rejected, or verified and later
 * withdrawn (an LMS "uncompleted"); pending claims wait. */
static enum ct_status apply_outcome(struct demo *demo, const struct claim *claim, int64_t id)
{
    if (strcmp(claim->outcome, "pending") == 0) {
        return CT_OK;
    }
    if (strcmp(claim->outcome, "rejected") == 0) {
        static const char *const reasons[] = {
            "Not library-related training", "A vendor demonstration does not count",
            "A staff meeting, not training", "Claimed twice: see the earlier claim"};
        return store_activity_act(demo->store, claim->verifier, id, "reject", reasons[id % 4],
                                  demo->err);
    }
    enum ct_status status =
        store_activity_act(demo->store, claim->verifier, id, "verify", NULL, demo->err);
    if (status == CT_OK && strcmp(claim->outcome, "withdrawn") == 0) {
        status = store_activity_act(demo->store, claim->verifier, id, "withdraw",
                                    "Marked uncompleted in Moodle", demo->err);
    }
    return status;
}

/* Adds the claim, unless the person holds it already (the same catalog event, or the
 * same kind, title and date): a learner claims a thing once, and the store refuses a
 * second claim at its field. */
static enum ct_status add_claim(struct demo *demo, const struct claim *claim)
{
    struct activity_new activity = {
        .person_id = claim->person,
        .kind = claim->kind,
        .title = claim->title,
        .date = claim->date,
        .credit_halves = claim->credit_halves,
        .semester_halves = claim->semester_halves,
        .quarter_halves = claim->quarter_halves,
        .minutes = claim->minutes,
        .category = claim->category,
        .topic = claim->topic,
        .plan_item = claim->plan_item,
        .recorded = claim->recorded,
        .status = "pending",
        .provenance = claim->event > 0 ? PROVENANCE_CATALOG : PROVENANCE_CLAIM,
        .event_id = claim->event,
    };
    int64_t id = 0;
    struct ct_err refusal = {0};
    enum ct_status status =
        store_activity_add(demo->store, claim->person, &activity, &id, &refusal);
    if (status == CT_ERR_INPUT &&
        (strcmp(refusal.where, "event") == 0 || strcmp(refusal.where, "title") == 0)) {
        return CT_OK;
    }
    if (status != CT_OK) {
        *demo->err = refusal;
        return status;
    }
    return apply_outcome(demo, claim, id);
}

/* Three in four claims are verified; nothing dated after today is (it has not
 * happened yet). */
static const char *random_outcome(struct demo *demo, struct civil_date date)
{
    int64_t roll = below(demo, 100);
    if (is_future(demo, date)) {
        return "pending";
    }
    return roll < 75 ? "verified" : roll < 87 ? "pending" : roll < 95 ? "rejected" : "withdrawn";
}

/* A college course: 1-3 semester credits or 2-5 quarter credits. */
static void college_course(struct demo *demo, struct claim *claim)
{
    claim->title = college_titles[below(demo, COUNT_OF(college_titles))];
    if (below(demo, 2) == 0) {
        claim->semester_halves = 2 * (1 + below(demo, 3));
    } else {
        claim->quarter_halves = 2 * (2 + below(demo, 4));
    }
}

static void presentation(struct demo *demo, struct claim *claim)
{
    const struct presentation *given = &presentations[below(demo, COUNT_OF(presentations))];
    claim->topic = given->topic;
    claim->title = given->title;
    claim->minutes = 45 + 15 * below(demo, 8);
}

/* One claim of an ordinary kind on date, as a learner types it in. */
static struct claim ordinary_claim(struct demo *demo, int64_t person, int64_t verifier,
                                   struct civil_date date)
{
    static const enum activity_kind kinds[] = {
        ACTIVITY_KIND_COURSE,           ACTIVITY_KIND_COURSE,
        ACTIVITY_KIND_COURSE,           ACTIVITY_KIND_WORKSHOP,
        ACTIVITY_KIND_WORKSHOP,         ACTIVITY_KIND_WEBINAR,
        ACTIVITY_KIND_WEBINAR,          ACTIVITY_KIND_CONFERENCE_SESSION,
        ACTIVITY_KIND_ARCHIVED_WEBINAR, ACTIVITY_KIND_ARCHIVED_WEBINAR,
        ACTIVITY_KIND_COLLEGE,          ACTIVITY_KIND_PRESENTING,
    };
    enum activity_kind kind = kinds[below(demo, COUNT_OF(kinds))];
    struct claim claim = claim_init(person, verifier, date, kind, random_outcome(demo, date));
    int64_t category = below(demo, COUNT_OF(categories));
    claim.category = categories[category];
    claim.title = claim_titles[category][below(demo, 4)];
    claim.credit_halves = 1 + below(demo, 12);
    if (kind == ACTIVITY_KIND_ARCHIVED_WEBINAR) {
        /* Watched up to 18 months after the recording: a third too late to count. */
        claim.recorded = civil_date_add_days(date, -(int32_t)below(demo, 540));
    } else if (kind == ACTIVITY_KIND_COLLEGE) {
        claim.credit_halves = 0;
        college_course(demo, &claim);
    } else if (kind == ACTIVITY_KIND_PRESENTING) {
        claim.credit_halves = 0;
        presentation(demo, &claim);
    }
    return claim;
}

/* A registration for a catalog event that starts on or after from: the activity copies
 * the event's day, kind, credits and category. False when no event fits. */
static bool catalog_registration(struct demo *demo, int64_t person, int64_t verifier,
                                 struct civil_date from, struct claim *claim)
{
    int64_t first = below(demo, DEMO_EVENTS);
    for (int64_t i = 0; i < DEMO_EVENTS; i++) {
        const struct demo_event *event = &demo->events[(first + i) % DEMO_EVENTS];
        if (civil_date_compare(event->starts, from) < 0) {
            continue;
        }
        *claim = claim_init(person, verifier, event->starts, event->kind,
                            random_outcome(demo, event->starts));
        claim->title = event->title;
        claim->credit_halves = event->credit_halves;
        claim->category = event->category;
        claim->event = event->id;
        return true;
    }
    return false;
}

/* Adds count activities dated from two months before the track's start until today; one
 * in five is a registration from the catalog (which may be for an upcoming event). */
static enum ct_status random_activities(struct demo *demo, int64_t person, int64_t verifier,
                                        struct civil_date started, int count)
{
    struct civil_date first = civil_date_add_days(started, -60);
    int64_t span = demo->today.days - first.days + 1;
    enum ct_status status = CT_OK;
    for (int i = 0; i < count && status == CT_OK; i++) {
        struct claim claim;
        if (below(demo, 5) != 0 || !catalog_registration(demo, person, verifier, first, &claim)) {
            struct civil_date date = civil_date_add_days(first, (int32_t)below(demo, span));
            claim = ordinary_claim(demo, person, verifier, date);
        }
        status = add_claim(demo, &claim);
    }
    return status;
}

/* Verified learning enough for any MSL program, from start + 30 days on: four 8-credit
 * institutes in library administration and two 5-credit workshops in each other
 * category (62 credits). */
static enum ct_status qualifying_activities(struct demo *demo, int64_t person, int64_t verifier,
                                            struct civil_date start)
{
    enum ct_status status = CT_OK;
    for (int i = 0; i < 10 && status == CT_OK; i++) {
        size_t category = i < 4 ? 0 : 1 + (size_t)(i - 4) / 2;
        struct claim claim =
            claim_init(person, verifier, civil_date_add_days(start, 30 + 25 * i),
                       i % 2 == 0 ? ACTIVITY_KIND_WORKSHOP : ACTIVITY_KIND_COURSE, "verified");
        claim.category = categories[category];
        claim.title = claim_titles[category][i % 4];
        claim.credit_halves = category == 0 ? 16 : 10;
        status = add_claim(demo, &claim);
    }
    return status;
}

/* Three verified courses early in a track that started more than four years ago: they
 * have expired. */
static enum ct_status expired_activities(struct demo *demo, int64_t person, int64_t verifier,
                                         struct civil_date start)
{
    enum ct_status status = CT_OK;
    for (int i = 0; i < 3 && status == CT_OK; i++) {
        struct claim claim = claim_init(person, verifier, civil_date_add_days(start, 15 + 30 * i),
                                        ACTIVITY_KIND_COURSE, "verified");
        claim.category = categories[0];
        claim.title = claim_titles[0][i];
        claim.credit_halves = 6;
        status = add_claim(demo, &claim);
    }
    return status;
}

/* The same workshop presented three times in the last year: only two earn credit. */
static enum ct_status repeated_presentations(struct demo *demo, int64_t person, int64_t verifier)
{
    const struct presentation *given = &presentations[below(demo, COUNT_OF(presentations))];
    enum ct_status status = CT_OK;
    for (int i = 0; i < 3 && status == CT_OK; i++) {
        struct claim claim = claim_init(person, verifier, day_from_today(demo, -330 + 110 * i),
                                        ACTIVITY_KIND_PRESENTING, "verified");
        claim.category = categories[1];
        claim.topic = given->topic;
        claim.title = given->title;
        claim.minutes = 90;
        status = add_claim(demo, &claim);
    }
    return status;
}

/* A recent webinar still waiting for the supervisor, so that every demo supervisor
 * log-in has something to verify. */
static enum ct_status pending_webinar(struct demo *demo, int64_t person, int64_t verifier)
{
    struct claim claim =
        claim_init(person, verifier, day_from_today(demo, -12), ACTIVITY_KIND_WEBINAR, "pending");
    claim.category = categories[3];
    claim.title = "Cybersecurity at the Circulation Desk";
    claim.credit_halves = 3;
    return add_claim(demo, &claim);
}

/* Self-directed study on the Strategic Track: the planned items sd1 and sd2 past the
 * 20-credit cap (8 + 7 + 6 credits), and a reading club the plan never listed. */
static enum ct_status self_directed(struct demo *demo, int64_t person, int64_t verifier,
                                    struct civil_date start)
{
    static const struct {
        int days;
        int hours;
        const char *item;
        const char *title;
    } studies[] = {
        {40, 24, "sd1", "Self-directed: reading on the plan's goal"},
        {90, 21, "sd2", "Self-directed: visits to peer libraries"},
        {150, 18, "sd1", "Self-directed: more reading on the plan's goal"},
        {200, 9, "reading-club", "Self-directed: staff reading club"},
    };
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < COUNT_OF(studies) && status == CT_OK; i++) {
        struct civil_date date = civil_date_add_days(start, studies[i].days);
        if (is_future(demo, date)) {
            break;
        }
        struct claim claim =
            claim_init(person, verifier, date, ACTIVITY_KIND_SELF_DIRECTED, "verified");
        claim.title = studies[i].title;
        claim.minutes = studies[i].hours * 60;
        claim.plan_item = studies[i].item;
        status = add_claim(demo, &claim);
    }
    return status;
}

/* ---- tracks ---- */

static enum ct_status enroll(struct demo *demo, int64_t person, const char *program,
                             struct civil_date start, int64_t *track)
{
    return store_track_enroll(demo->store, demo->coordinator, person, program, start, track,
                              demo->err);
}

/* A finished track: enrolled at start, qualifying credits, submitted and awarded on
 * award_day; the successor track starts the next day. */
static enum ct_status finished_track(struct demo *demo, int64_t person, int64_t verifier,
                                     const char *program, struct civil_date start,
                                     struct civil_date award_day, struct award_result *award)
{
    int64_t track = 0;
    enum ct_status status = enroll(demo, person, program, start, &track);
    if (status == CT_OK) {
        status = qualifying_activities(demo, person, verifier, start);
    }
    if (status == CT_OK) {
        status = store_track_act(demo->store, person, track, "submit", NULL, demo->err);
    }
    if (status == CT_OK) {
        status = store_award(demo->store, demo->coordinator, track, award_day, award, demo->err);
    }
    return status;
}

/* An active track from start with count random activities. */
static enum ct_status ordinary_track(struct demo *demo, int64_t person, int64_t verifier,
                                     const char *program, struct civil_date start, int count)
{
    int64_t track = 0;
    enum ct_status status = enroll(demo, person, program, start, &track);
    return status == CT_OK ? random_activities(demo, person, verifier, start, count) : status;
}

/* ---- the Strategic Track ---- */

enum plan_shape {
    PLAN_APPROVED,
    PLAN_APPROVED_WITH_NEW_DRAFT,
    PLAN_AWAITING_ORGANIZATION,
    PLAN_RETURNED,
    PLAN_DRAFT,
    PLAN_SHAPE_COUNT
};

/* A learner on the Strategic Track, with the library whose plan they serve. */
struct strategic {
    int64_t person;
    int64_t track;
    const struct library_people *lib;
    struct civil_date start;
};

static enum ct_status plan_item(struct demo *demo, const struct strategic *learner, int64_t version,
                                const char *key, const char *kind, const char *description,
                                int64_t goal)
{
    int64_t item = 0;
    return store_plan_item_add(demo->store, learner->person, version, key, kind, description, goal,
                               &item, demo->err);
}

/* One personal goal serving a library goal, with its self-directed (sd1, sd2) and
 * training (t1) items; revised versions add a second training item (t2). */
static enum ct_status plan_contents(struct demo *demo, const struct strategic *learner,
                                    int64_t version, bool revised)
{
    size_t which = (size_t)below(demo, (int64_t)learner->lib->goal_count);
    const struct goal_theme *theme = learner->lib->themes[which];
    int64_t goal = 0;
    enum ct_status status =
        store_plan_goal_add(demo->store, learner->person, version, learner->lib->goals[which],
                            theme->personal_goal, theme->outcomes, &goal, demo->err);
    if (status == CT_OK) {
        status = plan_item(demo, learner, version, "sd1", "self-directed", theme->reading, goal);
    }
    if (status == CT_OK) {
        status = plan_item(demo, learner, version, "sd2", "self-directed", theme->visit, goal);
    }
    if (status == CT_OK) {
        status = plan_item(demo, learner, version, "t1", "training", theme->training, goal);
    }
    if (status == CT_OK && revised) {
        status = plan_item(demo, learner, version, "t2", "training",
                           "Montana Library Association Conference sessions", goal);
    }
    return status;
}

/* Submits version on day with the learner's signature; the director co-signs a week
 * later (approving it) unless the shape leaves it waiting. */
static enum ct_status submit_and_sign(struct demo *demo, const struct strategic *learner,
                                      int64_t version, struct civil_date day, bool co_sign)
{
    enum ct_status status =
        store_plan_version_submit(demo->store, learner->person, version, day, demo->err);
    if (status == CT_OK) {
        status = store_plan_version_sign(demo->store, learner->person, version, PLAN_SIGNER_LEARNER,
                                         day, demo->err);
    }
    if (status == CT_OK && co_sign) {
        status = store_plan_version_sign(demo->store, learner->lib->director, version,
                                         PLAN_SIGNER_ORGANIZATION, civil_date_add_days(day, 7),
                                         demo->err);
    }
    return status;
}

static const struct plan_version_new plan_text = {
    "Budgeting and grant writing; outreach to new families",
    "MSL courses, WebJunction, a mentor at a larger library"};

/* The learner's Professional Development Plan in the given shape, first submitted a
 * week after the track started. */
static enum ct_status strategic_plan(struct demo *demo, const struct strategic *learner,
                                     enum plan_shape shape)
{
    int64_t version = 0;
    enum ct_status status = store_plan_version_create(demo->store, learner->person, learner->track,
                                                      &plan_text, &version, demo->err);
    if (status == CT_OK) {
        status = plan_contents(demo, learner, version, false);
    }
    if (status != CT_OK || shape == PLAN_DRAFT) {
        return status;
    }
    struct civil_date submitted = civil_date_add_days(learner->start, 7);
    if (shape == PLAN_RETURNED) {
        status =
            store_plan_version_submit(demo->store, learner->person, version, submitted, demo->err);
        return status == CT_OK
                   ? store_plan_version_return(
                         demo->store, learner->lib->director, version,
                         "Please tie each goal to one of the library's goals.", demo->err)
                   : status;
    }
    status =
        submit_and_sign(demo, learner, version, submitted, shape != PLAN_AWAITING_ORGANIZATION);
    if (status == CT_OK && shape == PLAN_APPROVED_WITH_NEW_DRAFT) {
        status = store_plan_version_create(demo->store, learner->person, learner->track, &plan_text,
                                           &version, demo->err);
        if (status == CT_OK) {
            status = plan_contents(demo, learner, version, true);
        }
    }
    return status;
}

/* A staff member moving to the Strategic Track: a finished msl-staff track (the
 * certificate the Strategic Track needs) whose automatic successor the learner
 * withdraws in favour of msl-strategic from the same day. */
static enum ct_status enroll_strategic(struct demo *demo, struct strategic *learner)
{
    struct award_result award;
    struct civil_date prior = civil_date_add_days(learner->start, -3 * YEAR);
    enum ct_status status =
        finished_track(demo, learner->person, learner->lib->director, "msl-staff", prior,
                       civil_date_add_days(learner->start, -1), &award);
    if (status == CT_OK) {
        status = store_track_act(demo->store, learner->person, award.next_track_id, "withdraw",
                                 "Chose the Strategic Track", demo->err);
    }
    if (status == CT_OK) {
        status = store_track_enroll(demo->store, learner->person, learner->person, "msl-strategic",
                                    learner->start, &learner->track, demo->err);
    }
    return status;
}

/* A Strategic Track learner with count random activities besides self-directed study. */
static enum ct_status strategic_learner(struct demo *demo, struct strategic *learner,
                                        enum plan_shape shape, int count)
{
    enum ct_status status = enroll_strategic(demo, learner);
    if (status == CT_OK) {
        status = strategic_plan(demo, learner, shape);
    }
    if (status == CT_OK) {
        status =
            random_activities(demo, learner->person, learner->lib->director, learner->start, count);
    }
    if (status == CT_OK) {
        status = self_directed(demo, learner->person, learner->lib->director, learner->start);
    }
    return status;
}

/* The final report, submitted and accepted, and the track submitted for the award. */
static enum ct_status finish_strategic(struct demo *demo, const struct strategic *learner)
{
    enum ct_status status = store_final_report_save(
        demo->store, learner->person, learner->track,
        "Three years ago our storytime reached one school; it now reaches five. The plan kept "
        "my learning pointed at the library's goals, and the board now sees the results.",
        demo->err);
    if (status == CT_OK) {
        status = store_final_report_act(demo->store, learner->person, learner->track, "submit",
                                        day_from_today(demo, -20), NULL, demo->err);
    }
    if (status == CT_OK) {
        status = store_final_report_act(demo->store, demo->coordinator, learner->track, "accept",
                                        day_from_today(demo, -10), NULL, demo->err);
    }
    if (status == CT_OK) {
        status = store_track_act(demo->store, learner->person, learner->track, "submit", NULL,
                                 demo->err);
    }
    return status;
}

/* ready@example.org: an approved plan, 62 verified credits after it and 20 of
 * self-directed study, the final report accepted: the track waits for the award. */
static enum ct_status ready_learner(struct demo *demo, struct strategic *learner)
{
    int64_t director = learner->lib->director;
    enum ct_status status = enroll_strategic(demo, learner);
    if (status == CT_OK) {
        status = strategic_plan(demo, learner, PLAN_APPROVED);
    }
    if (status == CT_OK) {
        status = qualifying_activities(demo, learner->person, director,
                                       civil_date_add_days(learner->start, 30));
    }
    if (status == CT_OK) {
        status = self_directed(demo, learner->person, director, learner->start);
    }
    return status == CT_OK ? finish_strategic(demo, learner) : status;
}

/* ---- libraries and their people ---- */

static enum ct_status library_goals(struct demo *demo, struct library_people *lib, int64_t plan)
{
    lib->goal_count = 3 + (size_t)below(demo, 3);
    enum ct_status status = CT_OK;
    for (size_t g = 0; g < lib->goal_count && status == CT_OK; g++) {
        char code[8];
        snprintf(code, sizeof code, "G%zu", g + 1);
        lib->themes[g] = &goal_themes[(g + (size_t)lib->index) % COUNT_OF(goal_themes)];
        struct library_goal_new goal = {plan, code, lib->themes[g]->title,
                                        lib->themes[g]->description};
        status = store_library_goal_create(demo->store, demo->coordinator, &goal, &lib->goals[g],
                                           demo->err);
    }
    return status;
}

/* The library, with a consultant, and its strategic plan from two years ago to three
 * years ahead with 3 to 5 goals. */
static enum ct_status library_with_goals(struct demo *demo, struct library_people *lib)
{
    const char *town = towns[lib->index].name;
    char name[96], title[128];
    snprintf(name, sizeof name, "%s %s", town,
             library_kinds[(size_t)lib->index % COUNT_OF(library_kinds)]);
    /* The consultant goes to library_consultants (the old libraries.consultant_id is no
     * longer written). */
    const int64_t consultant = demo->consultants[lib->index % DEMO_CONSULTANTS];
    struct library_fields library = {name, town, "public", NULL, &consultant, 1};
    enum ct_status status =
        store_library_add(demo->store, demo->coordinator, &library, &lib->library, demo->err);
    int64_t plan = 0;
    if (status == CT_OK) {
        struct civil_date starts = day_from_today(demo, -2 * YEAR + below(demo, 180));
        int year = 0, month = 0, day = 0;
        civil_date_to_ymd(starts, &year, &month, &day);
        snprintf(title, sizeof title, "%s Strategic Plan %d-%d", name, year, year + 5);
        struct strategic_plan_new new_plan = {lib->library, title, starts,
                                              civil_date_add_years(starts, 5)};
        status = store_strategic_plan_create(demo->store, demo->coordinator, &new_plan, &plan,
                                             demo->err);
    }
    return status == CT_OK ? library_goals(demo, lib, plan) : status;
}

static const char *const director_roles[] = {ROLE_NAME_LEARNER, ROLE_NAME_SUPERVISOR,
                                             ROLE_NAME_LIBRARY_ADMINISTRATOR, NULL};
static const char *const chair_roles[] = {ROLE_NAME_SUPERVISOR, NULL};
static const char *const supervising_learner_roles[] = {ROLE_NAME_LEARNER, ROLE_NAME_SUPERVISOR,
                                                        NULL};
static const char *const learner_roles[] = {ROLE_NAME_LEARNER, NULL};
static const char *const administrator_roles[] = {ROLE_NAME_LIBRARY_ADMINISTRATOR, NULL};

/* Which libraries have which special cases (by index). */
static bool has_late_director(int index)
{
    return index % 10 == 4; /* an initial track past its deadline, credits expired */
}

static bool chair_certifies(int index)
{
    return index % 4 == 1; /* the board chair is on the trustee track too */
}

/* A director's track: half are new directors, half renew after an earlier award. */
static enum ct_status director_track(struct demo *demo, const struct library_people *lib)
{
    int count = 10 + (int)below(demo, 15);
    if (has_late_director(lib->index)) {
        struct civil_date start = day_from_today(demo, -(4 * YEAR + 100 + below(demo, 150)));
        enum ct_status status =
            ordinary_track(demo, lib->director, lib->chair, "msl-director-initial", start, count);
        return status == CT_OK ? expired_activities(demo, lib->director, lib->chair, start)
                               : status;
    }
    if (lib->index % 2 == 0) {
        struct civil_date start = day_from_today(demo, -(30 + below(demo, 3 * YEAR + 200)));
        return ordinary_track(demo, lib->director, lib->chair, "msl-director-initial", start,
                              count);
    }
    struct civil_date renewal = day_from_today(demo, -(60 + below(demo, 3 * YEAR)));
    struct award_result award;
    enum ct_status status = finished_track(demo, lib->director, lib->chair, "msl-director-initial",
                                           civil_date_add_days(renewal, -3 * YEAR),
                                           civil_date_add_days(renewal, -1), &award);
    return status == CT_OK ? random_activities(demo, lib->director, lib->chair, renewal, count)
                           : status;
}

/* The demo log-ins among staff: staff@ at the first library (its director is
 * director@), ready@ at the second. */
static const char *staff_login(int index, int number)
{
    if (number != 0) {
        return NULL;
    }
    return index == 0 ? "staff@example.org" : index == 1 ? "ready@example.org" : NULL;
}

static enum ct_status staff_track(struct demo *demo, const struct library_people *lib, int number,
                                  int64_t person)
{
    struct strategic learner = {person, 0, lib, civil_date_unset()};
    if (lib->index == 0 && number == 0) {
        learner.start = day_from_today(demo, -YEAR);
        /* Half-way: some credits and all the self-directed study a year in. */
        enum ct_status status = strategic_learner(demo, &learner, PLAN_APPROVED, 6);
        return status == CT_OK ? pending_webinar(demo, person, lib->director) : status;
    }
    if (lib->index == 1 && number == 0) {
        learner.start = day_from_today(demo, -3 * YEAR);
        return ready_learner(demo, &learner);
    }
    if (number == 1 && lib->index % 4 == 0) {
        learner.start = day_from_today(demo, -(100 + below(demo, 3 * YEAR)));
        return strategic_learner(demo, &learner,
                                 (enum plan_shape)((lib->index / 4) % PLAN_SHAPE_COUNT),
                                 8 + (int)below(demo, 10));
    }
    int count = 10 + (int)below(demo, 20);
    if (number == 0 && lib->index % 8 == 3) {
        struct civil_date start = day_from_today(demo, -(400 + below(demo, 2 * YEAR)));
        enum ct_status status =
            ordinary_track(demo, person, lib->director, "msl-staff", start, count);
        return status == CT_OK ? repeated_presentations(demo, person, lib->director) : status;
    }
    struct civil_date start = day_from_today(demo, -(30 + below(demo, 4 * YEAR)));
    return ordinary_track(demo, person, lib->director, "msl-staff", start, count);
}

static enum ct_status staff_member(struct demo *demo, const struct library_people *lib, int number)
{
    int64_t person = 0;
    enum ct_status status = add_person(demo, "staff", staff_login(lib->index, number), lib->library,
                                       lib->director, learner_roles, &person);
    return status == CT_OK ? staff_track(demo, lib, number, person) : status;
}

/* A trustee on the trustee track, verified by the board chair. Where the chair certifies
 * too, this trustee (another board member) verifies the chair, as set by the director
 * who keeps the staff list. */
static enum ct_status trustee(struct demo *demo, const struct library_people *lib)
{
    /* Verifying the chair's credits makes the trustee a supervisor too. */
    const char *const *roles =
        chair_certifies(lib->index) ? supervising_learner_roles : learner_roles;
    int64_t person = 0;
    enum ct_status status =
        add_person(demo, "trustee", lib->index == 0 ? "trustee@example.org" : NULL, lib->library,
                   lib->chair, roles, &person);
    struct civil_date start = day_from_today(demo, -(30 + below(demo, 3 * YEAR)));
    if (status == CT_OK) {
        status =
            ordinary_track(demo, person, lib->chair, "msl-trustee", start, 4 + (int)below(demo, 6));
    }
    if (!chair_certifies(lib->index) || status != CT_OK) {
        return status;
    }
    status = store_person_set_verifier(demo->store, lib->director, lib->chair, person, demo->err);
    if (status == CT_OK) {
        start = day_from_today(demo, -(30 + below(demo, 2 * YEAR)));
        status =
            ordinary_track(demo, lib->chair, person, "msl-trustee", start, 4 + (int)below(demo, 6));
    }
    return status;
}

static enum ct_status library_leaders(struct demo *demo, struct library_people *lib)
{
    enum ct_status status = add_person(
        demo, "chair", NULL, lib->library, 0,
        chair_certifies(lib->index) ? supervising_learner_roles : chair_roles, &lib->chair);
    if (status == CT_OK) {
        status = add_person(demo, "director", lib->index == 0 ? "director@example.org" : NULL,
                            lib->library, lib->chair, director_roles, &lib->director);
    }
    /* The library's officers, so that its consultant sees whether its director is
     * certified (the verifiers they derive are those the set gives already). */
    if (status == CT_OK) {
        status = store_library_set_officers(demo->store, demo->coordinator, lib->library,
                                            lib->director, lib->chair, demo->err);
    }
    if (status == CT_OK && towns[lib->index].large) {
        int64_t administrator = 0;
        status =
            add_person(demo, "admin", NULL, lib->library, 0, administrator_roles, &administrator);
    }
    return status;
}

static enum ct_status one_library(struct demo *demo, int index)
{
    struct library_people lib;
    memset(&lib, 0, sizeof lib);
    lib.index = index;
    enum ct_status status = library_with_goals(demo, &lib);
    if (status == CT_OK) {
        status = library_leaders(demo, &lib);
    }
    if (index == 0) {
        demo->first_library = lib;
    }
    if (status == CT_OK) {
        status = director_track(demo, &lib);
    }
    for (int number = 0; number < DEMO_STAFF_PER_LIBRARY && status == CT_OK; number++) {
        status = staff_member(demo, &lib, number);
    }
    return status == CT_OK ? trustee(demo, &lib) : status;
}

/* planner@example.org, made after every library so that the rest of the set does not
 * change: on the Strategic Track at the first library (director@ verifies and co-signs)
 * since two months ago, with the prior staff certificate and no plan yet. */
static enum ct_status planner_learner(struct demo *demo)
{
    struct strategic learner = {0, 0, &demo->first_library, day_from_today(demo, -60)};
    enum ct_status status =
        add_person(demo, "staff", "planner@example.org", demo->first_library.library,
                   demo->first_library.director, learner_roles, &learner.person);
    return status == CT_OK ? enroll_strategic(demo, &learner) : status;
}

/* ---- State Library staff and the event catalog ---- */

static enum ct_status state_library(struct demo *demo)
{
    static const char *const coordinator_roles[] = {ROLE_NAME_CE_COORDINATOR, NULL};
    static const char *const consultant_roles[] = {ROLE_NAME_CONSULTANT, NULL};
    enum ct_status status = add_person(demo, "coordinator", "coordinator@example.org", 0, 0,
                                       coordinator_roles, &demo->coordinator);
    int64_t other = 0;
    for (int i = 1; i < DEMO_COORDINATORS && status == CT_OK; i++) {
        status = add_person(demo, "coordinator", NULL, 0, 0, coordinator_roles, &other);
    }
    for (int i = 0; i < DEMO_CONSULTANTS && status == CT_OK; i++) {
        /* The first consultant is assigned the first library (one_library). */
        status = add_person(demo, "consultant", i == 0 ? "consultant@example.org" : NULL, 0, 0,
                            consultant_roles, &demo->consultants[i]);
    }
    return status;
}

/* One catalog event; courses taught in the LMS get a link so harvests find them. */
static enum ct_status catalog_event(struct demo *demo, int i)
{
    static const enum activity_kind kinds[] = {ACTIVITY_KIND_WORKSHOP, ACTIVITY_KIND_COURSE,
                                               ACTIVITY_KIND_WEBINAR,
                                               ACTIVITY_KIND_CONFERENCE_SESSION};
    struct demo_event *event = &demo->events[i];
    /* From about 3.7 years ago to CATALOG_AHEAD_DAYS ahead, one every five weeks. */
    event->starts =
        day_from_today(demo, CATALOG_AHEAD_DAYS - (DEMO_EVENTS - 1 - i) * 35 - below(demo, 10));
    event->kind = kinds[(size_t)i % COUNT_OF(kinds)];
    event->credit_halves =
        event->kind == ACTIVITY_KIND_WEBINAR ? 2 + below(demo, 2) : 4 + 2 * below(demo, 5);
    event->category = categories[(size_t)i % COUNT_OF(categories)];
    event->title = event_titles[i];
    struct event_new new_event = {
        event->title,
        event->starts,
        civil_date_add_days(event->starts, event->kind == ACTIVITY_KIND_CONFERENCE_SESSION ? 2 : 0),
        sponsors[(size_t)i % COUNT_OF(sponsors)],
        event->kind,
        event->credit_halves,
        event->category};
    enum ct_status status =
        store_event_create(demo->store, demo->coordinator, &new_event, &event->id, demo->err);
    if (status == CT_OK && event->kind == ACTIVITY_KIND_COURSE) {
        char url[96];
        snprintf(url, sizeof url, "https://learn.msl.example.org/course/view.php?id=%d", 100 + i);
        status =
            store_event_link_add(demo->store, demo->coordinator, event->id, url, "", demo->err);
    }
    return status;
}

static enum ct_status event_catalog(struct demo *demo)
{
    enum ct_status status = CT_OK;
    for (int i = 0; i < DEMO_EVENTS && status == CT_OK; i++) {
        status = catalog_event(demo, i);
    }
    return status;
}

/* ---- the whole set ---- */

static enum ct_status count_rows(struct store *store, const char *sql, int64_t *count,
                                 struct ct_err *err)
{
    *count = 0;
    return store_exec(store, sql, NULL, 0, count, err);
}

/* Refuses a database that already holds libraries, people or events. */
static enum ct_status require_empty(struct store *store, struct ct_err *err)
{
    int64_t people = 0, libraries = 0, events = 0;
    enum ct_status status = count_rows(store, "SELECT COUNT(*) FROM people", &people, err);
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM libraries", &libraries, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM events", &events, err);
    }
    if (status == CT_OK && people + libraries + events > 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "database",
                            "already holds data (%lld people, %lld libraries, %lld events); demo "
                            "data goes only into an empty database",
                            (long long)people, (long long)libraries, (long long)events);
    }
    return status;
}

/* The set enrols people in the five MSL programs: they must be loaded. */
static enum ct_status require_programs(const struct store *store, struct ct_err *err)
{
    static const char *const needed[] = {"msl-director-initial", "msl-director-renewal",
                                         "msl-staff", "msl-trustee", "msl-strategic"};
    for (size_t i = 0; i < COUNT_OF(needed); i++) {
        if (program_set_find(store->programs, needed[i]) == NULL) {
            return ct_err_set(err, CT_ERR_INPUT, "programs",
                              "the demo data needs the program \"%s\"; load the MSL programs",
                              needed[i]);
        }
    }
    return CT_OK;
}

static enum ct_status summarize(struct store *store, struct demo_data_summary *summary,
                                struct ct_err *err)
{
    enum ct_status status =
        count_rows(store, "SELECT COUNT(*) FROM libraries", &summary->libraries, err);
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM people", &summary->people, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM tracks", &summary->tracks, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM activities", &summary->activities, err);
    }
    if (status == CT_OK) {
        status =
            count_rows(store, "SELECT COUNT(*) FROM certificates", &summary->certificates, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM events", &summary->events, err);
    }
    return status;
}

enum ct_status demo_data_fill(struct store *store, struct civil_date today, uint64_t seed,
                              struct demo_data_summary *summary, struct ct_err *err)
{
    memset(summary, 0, sizeof *summary);
    enum ct_status status = require_programs(store, err);
    if (status == CT_OK) {
        status = require_empty(store, err);
    }
    struct demo demo;
    memset(&demo, 0, sizeof demo);
    demo.store = store;
    demo.today = today;
    demo.random = seed;
    demo.err = err;
    if (status == CT_OK) {
        status = state_library(&demo);
    }
    if (status == CT_OK) {
        status = event_catalog(&demo);
    }
    for (int i = 0; i < DEMO_LIBRARIES && status == CT_OK; i++) {
        status = one_library(&demo, i);
    }
    if (status == CT_OK) {
        status = planner_learner(&demo);
    }
    if (status == CT_OK) {
        status = summarize(store, summary, err);
    }
    return status;
}

enum ct_status demo_data_fill_whole(struct store *store, struct civil_date today, uint64_t seed,
                                    struct demo_data_summary *summary, struct ct_err *err)
{
    memset(summary, 0, sizeof *summary);
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = demo_data_fill(store, today, seed, summary, err);
        status = store_finish(store, status, err);
    }
    return status;
}
