/*
 * record-fuzzer: libFuzzer target for learner records.
 *
 * Each input is read as a learner record (JSON) against the shipped MSL programs
 * (programs/ in the source tree, loaded once). A record that decodes is evaluated,
 * rendered as JSON and as text, evaluated again, and checked against the engine's
 * promises (fuzz_check.h). A record that does not decode must say why.
 *
 *   build-test/tests/fuzz/record-fuzzer -dict=tests/fuzz/record.dict CORPUS_COPY
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_check.h"
#include "core/err.h"
#include "core/program.h"
#include "core/record.h"
#include "io/program_dir.h"
#include "core/banned.h"

#ifndef CERTTRACK_SOURCE_ROOT
#error "CERTTRACK_SOURCE_ROOT must name the source tree (see tests/fuzz/meson.build)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The MSL programs, loaded once per process and never freed (libFuzzer has no hook
 * at exit); reachable until then, so the leak checker does not count them. */
static struct program_set msl_programs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    struct ct_err err = {0};
    program_set_init(&msl_programs);
    if (program_dir_load(CERTTRACK_SOURCE_ROOT "/programs", &msl_programs, &err) != CT_OK) {
        char message[1024];
        ct_err_format(&err, message, sizeof message);
        fprintf(stderr, "record-fuzzer: cannot load the MSL programs: %s\n", message);
        abort();
    }
    return 0;
}

/* A refused record must carry its reason, and never a memory failure. */
static void check_refusal(enum ct_status status, const struct ct_err *err,
                          const struct learner_record *record)
{
    assert(record == NULL);
    assert(status == CT_ERR_INPUT || status == CT_ERR_TOO_LARGE);
    assert(err->status == status);
    assert(err->message[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ct_err err = {0};
    struct learner_record *record = NULL;
    enum ct_status status =
        record_parse((const char *)data, size, &msl_programs, NULL, &record, &err);
    if (status != CT_OK) {
        check_refusal(status, &err, record);
        return 0;
    }
    assert(record != NULL);
    assert(record->program != NULL);
    fuzz_check_record(record);
    record_free(record);
    return 0;
}
