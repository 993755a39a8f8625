/* The transcript as a PDF: rendered into a buffer or written to a file it is a PDF, a
 * long transcript takes several pages, and bad input is refused. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "certificates/transcript_pdf.h"
#include "core/banned.h"

#define PDF_LIMIT (8u << 20)

static const char *const titles[] = {
    "Supervising Library Staff",
    ("Readers' Advisory Roundtable: what teens, parents and the people who serve them ask for"
     " when they come to a small rural library on a Saturday morning"),
    "Te reo Māori for library staff: greetings, place names and pronunciation",
    "Библиотечное обслуживание: основы",
    "図書館の情報リテラシー教育",
    "Ελληνικά για βιβλιοθηκονόμους",
};

/* A transcript of count activities, half of them a credit and a half, so that the
 * total is 3 half-credits for every two rows (count is even). The strings are static. */
static void fill(struct transcript *t, struct transcript_activity *rows, size_t count)
{
    transcript_init(t);
    t->learner_name = "Dakota Bighorn";
    t->program_name = "Strategic Track to MSL Certification";
    t->issuer = "Montana State Library";
    t->number = "CT-2026-000064";
    t->issued = test_day("2026-06-15");
    t->valid_until = test_day("2030-06-15");
    for (size_t i = 0; i < count; i++) {
        rows[i] = (struct transcript_activity){
            .date = civil_date_add_days(test_day("2023-01-01"), (int32_t)i),
            .title = titles[i % (sizeof titles / sizeof titles[0])],
            .kind = i % 3 == 0 ? "Self-directed learning" : "Workshop",
            .category = i % 3 == 0 ? "" : "Library Services to the Public",
            .credit_halves = i % 2 == 0 ? 1 : 2,
            .partial = i == 3,
        };
        t->credit_halves += rows[i].credit_halves;
    }
    t->activities = rows;
    t->activity_count = count;
}

static const char *const served_first[] = {"G1 Digital inclusion"};
static const char *const served_second[] = {"G2 Early literacy", "G3 Community partnerships"};

static struct transcript_goal goals[] = {
    {"Run a digital skills help desk", served_first, 1},
    {"Start a family storytime at the school", served_second, 2},
};

static void test_transcript_render_is_a_pdf(void **state)
{
    (void)state;
    struct transcript_activity rows[6];
    struct transcript t;
    fill(&t, rows, 6);
    t.goals = goals;
    t.goal_count = 2;
    struct buf out;
    buf_init(&out, PDF_LIMIT);
    struct ct_err err = {0};
    test_ok(transcript_pdf_render(&t, &out, &err), &err);
    assert_true(out.length > 4000);
    assert_memory_equal(out.data, "%PDF-", 5);
    assert_non_null(strstr(out.data + out.length - 8, "%%EOF"));
    int pages = 0;
    test_ok(transcript_pdf_page_count(&t, &pages, &err), &err);
    assert_int_equal(pages, 1);
    buf_release(&out);
    transcript_release(&t);
}

static void test_transcript_of_many_rows_takes_several_pages(void **state)
{
    (void)state;
    enum { ROWS = 240 };
    static struct transcript_activity rows[ROWS];
    struct transcript t;
    fill(&t, rows, ROWS);
    t.goals = goals;
    t.goal_count = 2;
    int pages = 0;
    struct ct_err err = {0};
    test_ok(transcript_pdf_page_count(&t, &pages, &err), &err);
    assert_true(pages >= 5);

    struct transcript_activity few_rows[6];
    struct transcript few;
    fill(&few, few_rows, 6);
    struct buf one_page, many_pages;
    buf_init(&one_page, PDF_LIMIT);
    buf_init(&many_pages, PDF_LIMIT);
    test_ok(transcript_pdf_render(&few, &one_page, &err), &err);
    test_ok(transcript_pdf_render(&t, &many_pages, &err), &err);
    assert_memory_equal(many_pages.data, "%PDF-", 5);
    assert_true(many_pages.length > one_page.length + 10000);
    buf_release(&one_page);
    buf_release(&many_pages);
    transcript_release(&few);
    transcript_release(&t);
}

static void test_transcript_write_makes_a_pdf_file_also_when_revoked(void **state)
{
    (void)state;
    char directory[128], path[192];
    test_scratch_directory(directory, sizeof directory, "transcript");
    snprintf(path, sizeof path, "%s/transcript.pdf", directory);
    struct transcript_activity rows[4];
    struct transcript t;
    fill(&t, rows, 4);
    t.revoked = test_day("2027-01-05");
    struct ct_err err = {0};
    test_ok(transcript_pdf_write(&t, path, &err), &err);
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    char start[8] = {0};
    assert_int_equal(fread(start, 1, 5, file), 5);
    assert_string_equal(start, "%PDF-");
    fclose(file);
    transcript_release(&t);
    assert_int_equal(test_remove_directory(directory), 0);
}

static void test_transcript_whose_rows_miss_the_total_is_refused(void **state)
{
    (void)state;
    struct transcript_activity rows[4];
    struct transcript t;
    fill(&t, rows, 4);
    t.credit_halves += 1;
    struct buf out;
    buf_init(&out, PDF_LIMIT);
    struct ct_err err = {0};
    assert_int_equal(transcript_pdf_render(&t, &out, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "CT-2026-000064");
    assert_non_null(strstr(err.message, "add up to 3 credits"));
    assert_int_equal(out.length, 0);
    buf_release(&out);
    transcript_release(&t);
}

static void test_transcript_without_learner_or_in_bad_utf8_is_refused(void **state)
{
    (void)state;
    struct transcript_activity rows[2];
    struct transcript t;
    fill(&t, rows, 2);
    t.learner_name = "";
    struct buf out;
    buf_init(&out, PDF_LIMIT);
    struct ct_err err = {0};
    assert_int_equal(transcript_pdf_render(&t, &out, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "learner name"));
    t.learner_name = "Dakota Bighorn";
    rows[1].title = "Caf\xe9";
    assert_int_equal(transcript_pdf_render(&t, &out, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "activity 2"));
    assert_int_equal(out.length, 0);
    buf_release(&out);
    transcript_release(&t);
}

static void test_render_over_the_buffer_limit_is_too_large(void **state)
{
    (void)state;
    struct transcript_activity rows[4];
    struct transcript t;
    fill(&t, rows, 4);
    struct buf out;
    buf_init(&out, 1000);
    assert_int_equal(buf_append_str(&out, "kept"), CT_OK);
    struct ct_err err = {0};
    assert_int_equal(transcript_pdf_render(&t, &out, &err), CT_ERR_TOO_LARGE);
    assert_string_equal(buf_str(&out), "kept");
    buf_release(&out);
    transcript_release(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transcript_render_is_a_pdf),
        cmocka_unit_test(test_transcript_of_many_rows_takes_several_pages),
        cmocka_unit_test(test_transcript_write_makes_a_pdf_file_also_when_revoked),
        cmocka_unit_test(test_transcript_whose_rows_miss_the_total_is_refused),
        cmocka_unit_test(test_transcript_without_learner_or_in_bad_utf8_is_refused),
        cmocka_unit_test(test_render_over_the_buffer_limit_is_too_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
