#include "plan_view.h"

#include <stdio.h>

#include "../../core/banned.h"

void plan_view_hours(struct html *h, int64_t minutes)
{
    char text[48];
    if (minutes % 60 == 0) {
        snprintf(text, sizeof text, "%lld hour%s", (long long)(minutes / 60),
                 minutes == 60 ? "" : "s");
    } else {
        snprintf(text, sizeof text, "%.2f", (double)minutes / 60.0);
        /* 1.50 -> 1.5, 1.25 stays */
        size_t length = 0;
        while (text[length] != '\0') {
            length++;
        }
        while (length > 0 && text[length - 1] == '0') {
            text[--length] = '\0';
        }
        html_text(h, text);
        html_markup(h, " hours");
        return;
    }
    html_text(h, text);
}

static const char *or_none(const char *text, const char *none)
{
    return text != NULL && text[0] != '\0' ? text : none;
}

static void goals_list(struct html *h, const struct learning_plan *plan, int64_t version_id)
{
    html_markup(h, "<h3>Goals</h3>\n");
    size_t shown = 0;
    html_markup(h, "<ol class=\"plan-goals\">\n");
    for (size_t i = 0; i < plan->goal_count; i++) {
        const struct learning_goal *goal = &plan->goals[i];
        if (goal->version_id != version_id) {
            continue;
        }
        shown++;
        html_markup(h, "<li><p><strong>");
        html_text(h, goal->goal);
        html_markup(h, "</strong></p><dl>");
        char serves[512];
        snprintf(serves, sizeof serves, "%s %s", or_none(goal->library_goal_code, ""),
                 or_none(goal->library_goal_title, ""));
        html_term(h, "Serves the library goal", serves);
        html_term(h, "Desired outcomes", or_none(goal->outcomes, "None written"));
        html_markup(h, "</dl></li>\n");
    }
    html_markup(h, "</ol>\n");
    if (shown == 0) {
        html_markup(h, "<p>No goal yet.</p>\n");
    }
}

static void item_terms(struct html *h, const struct learning_item *item)
{
    html_markup(h, "<dl>");
    html_term(h, "Kind",
              item->kind != NULL && item->kind[0] == 's' ? "Self-directed learning" : "Training");
    html_term(h, "Short name", item->key);
    html_markup(h, "<dt>Planned hours</dt><dd>");
    if (item->planned_minutes > 0) {
        plan_view_hours(h, item->planned_minutes);
    } else {
        html_markup(h, "Not said");
    }
    html_markup(h, "</dd>\n");
    html_term(h, "For the goal", or_none(item->plan_goal, "None of them"));
    html_markup(h, "</dl>");
}

static void items_list(struct html *h, const struct learning_plan *plan, int64_t version_id)
{
    html_markup(h, "<h3>Planned learning</h3>\n");
    size_t shown = 0;
    html_markup(h, "<ol class=\"plan-items\">\n");
    for (size_t i = 0; i < plan->item_count; i++) {
        const struct learning_item *item = &plan->items[i];
        if (item->version_id != version_id) {
            continue;
        }
        shown++;
        html_markup(h, "<li><p><strong>");
        html_text(h, item->description);
        html_markup(h, "</strong></p>");
        item_terms(h, item);
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ol>\n");
    if (shown == 0) {
        html_markup(h, "<p>No planned activity yet.</p>\n");
    }
}

void plan_view_contents(struct html *h, const struct learning_plan *plan, int64_t version_id)
{
    goals_list(h, plan, version_id);
    items_list(h, plan, version_id);
}

/* The state, the days of the submission and the signatures, and the comment. */
static void version_terms(struct html *h, const struct learning_version *v)
{
    static const char *const states[][2] = {
        {"draft", "Draft: not yet submitted"},
        {"submitted", "Submitted: waiting for signatures"},
        {"approved", "Approved: signed by the learner and for the library"},
    };
    const char *state = v->state;
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
        state = v->state[0] == states[i][0][0] ? states[i][1] : state;
    }
    html_markup(h, "<dl>");
    html_term(h, "State", state);
    html_term(h, "Submitted", or_none(v->submitted, "Not yet"));
    html_term(h, "Signed by the learner", or_none(v->learner_signed, "Not yet"));
    html_term(h, "Signed for the library", or_none(v->library_signed, "Not yet"));
    if (v->comment != NULL && v->comment[0] != '\0') {
        html_term(h, "Returned with the comment", v->comment);
    }
    html_markup(h, "</dl>\n");
}

void plan_view_version(struct html *h, const struct learning_plan *plan,
                       const struct learning_version *v, const char *title)
{
    plan_view_version_open(h, plan, v, title);
    html_markup(h, "</section>\n");
}

void plan_view_version_open(struct html *h, const struct learning_plan *plan,
                            const struct learning_version *v, const char *title)
{
    html_markup(h, "<section class=\"plan-version\" aria-labelledby=\"plan-version-");
    html_int(h, v->id);
    html_markup(h, "\"><h2 id=\"plan-version-");
    html_int(h, v->id);
    html_markup(h, "\">");
    html_text(h, title);
    html_markup(h, "</h2>\n");
    version_terms(h, v);
    html_markup(h, "<h3>Gaps in skills or knowledge</h3>\n<p>");
    html_text(h, or_none(v->skill_gaps, "None written"));
    html_markup(h, "</p>\n<h3>Options for learning researched</h3>\n<p>");
    html_text(h, or_none(v->learning_options, "None written"));
    html_markup(h, "</p>\n");
    plan_view_contents(h, plan, v->id);
}
