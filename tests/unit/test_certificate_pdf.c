/* The certificate as a PDF in memory: certificate_pdf_render gives the document that
 * certificate_pdf_write puts in a file, and refuses a face without a number. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "certificates/certificate_pdf.h"
#include "core/banned.h"

#define PDF_LIMIT (8u << 20)

static const struct certificate_face face = {
    .learner_name = "Aroha Anderson",
    .program_name = "MSL Certification for Library Staff",
    .issuer = "Montana State Library",
    .credit_halves = 124,
    .number = "CT-2025-000001",
    .verify_url = "http://127.0.0.1:8080/verify/8YSQ6P44PG4RJYECQYXQTZVVA9X1Y6A4",
};

static void test_certificate_render_is_a_pdf_like_the_file(void **state)
{
    (void)state;
    struct certificate_face dated = face;
    dated.issued = test_day("2025-06-14");
    dated.valid_until = test_day("2029-06-14");
    struct buf out;
    buf_init(&out, PDF_LIMIT);
    struct ct_err err = {0};
    test_ok(certificate_pdf_render(&dated, &out, &err), &err);
    assert_memory_equal(out.data, "%PDF-", 5);
    assert_true(out.length > 4000);

    char directory[128], path[192];
    test_scratch_directory(directory, sizeof directory, "certificate");
    snprintf(path, sizeof path, "%s/certificate.pdf", directory);
    test_ok(certificate_pdf_write(&dated, path, &err), &err);
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    assert_int_equal(fseek(file, 0, SEEK_END), 0);
    long size = ftell(file);
    fclose(file);
    /* The same drawing: only the creation date in the metadata may differ in length. */
    assert_true(size > (long)out.length - 64 && size < (long)out.length + 64);
    buf_release(&out);
    assert_int_equal(test_remove_directory(directory), 0);
}

static void test_certificate_render_without_number_is_refused(void **state)
{
    (void)state;
    struct certificate_face numberless = face;
    numberless.number = "";
    struct buf out;
    buf_init(&out, PDF_LIMIT);
    struct ct_err err = {0};
    assert_int_equal(certificate_pdf_render(&numberless, &out, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "certificate");
    assert_int_equal(out.length, 0);
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_certificate_render_is_a_pdf_like_the_file),
        cmocka_unit_test(test_certificate_render_without_number_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
