/*
 * bench-certificates: how fast certtrack issues certificates.
 *
 * Builds a fresh database (untimed) with N learners, each on the MSL staff program
 * with 60 verified credits spread over the four categories and the track submitted;
 * then, timed separately and together:
 *   (a) award: store_award for each track, one transaction each (evaluate, certificate
 *       number and code, next track, audit entries), as `certtrack award` does;
 *   (b) PDF: gather the certificate's documents and draw its PDF in memory (cairo,
 *       Pango, the QR code), as the holder's download does;
 *   (c) credential: build and sign its Open Badges 3.0 VC-JWT (RS256), as the
 *       credential download does;
 *   (t) transcript, reported beside the rest: rebuild the record as the award saw it
 *       from the audit trail, evaluate it and draw the transcript PDF in memory.
 * and, as the floor, (d) bare RS256 signatures of a one-byte payload with the same key
 * (libjose over OpenSSL): no issuing can sign faster than that.
 *
 * Prints each phase's wall time (CLOCK_MONOTONIC) and rate, certificates issued per
 * second for (a) + (b) + (c), the ratio of (c) to the floor, the bytes made (so that the
 * work cannot be optimised away) and peak memory. docs/benchmarks.md has the numbers.
 *
 *   bench-certificates [--awards N] [--dir DIR]   (1000; a new directory under /tmp)
 */
#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <jose/jose.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "certificates/certificate_documents.h"
#include "certificates/certificate_pdf.h"
#include "certificates/jws_compact.h"
#include "certificates/signing_key.h"
#include "certificates/transcript_pdf.h"
#include "store/store_transcript.h"
#include "core/buf.h"
#include "io/program_dir.h"
#include "store/store_activities.h"
#include "store/store_award.h"
#include "store/store_people.h"
#include "store/store_tracks.h"
#include "store/store_open.h"
#include "core/banned.h"

#ifndef CERTTRACK_SOURCE_ROOT
#error "CERTTRACK_SOURCE_ROOT must name the source tree (see bench/meson.build)"
#endif

static double seconds_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void fail(const struct ct_err *err)
{
    char line[1024];
    ct_err_format(err, line, sizeof line);
    fprintf(stderr, "bench-certificates: %s\n", line);
    exit(1);
}

static void check(enum ct_status status, const struct ct_err *err)
{
    if (status != CT_OK) {
        fail(err);
    }
}

static const char *const categories[] = {"library-administration", "public-services",
                                         "collection-management", "technology"};

/* One learner with a complete, submitted msl-staff track; returns the track. */
static int64_t complete_learner(struct store *store, int64_t library, int index,
                                struct civil_date start)
{
    struct ct_err err = {0};
    char name[64], email[64];
    snprintf(name, sizeof name, "Learner %05d Example", index);
    snprintf(email, sizeof email, "learner%05d@bench.example.org", index);
    static const char *const roles[] = {ROLE_NAME_LEARNER, NULL};
    struct person_new person = {
        .name = name, .email = email, .library_id = library, .roles = roles};
    int64_t person_id = 0;
    check(store_person_create(store, 0, &person, &person_id, &err), &err);
    int64_t track = 0;
    check(store_track_enroll(store, 0, person_id, "msl-staff", start, &track, &err), &err);
    for (int i = 0; i < 8; i++) {
        char title[64];
        snprintf(title, sizeof title, "Workshop %d", i + 1);
        struct activity_new activity = {
            .person_id = person_id,
            .kind = ACTIVITY_KIND_WORKSHOP,
            .title = title,
            .date = civil_date_add_days(start, 20 + 40 * i),
            .credit_halves = 15, /* 7.5 credits: 60 in all, 15 in each category */
            .category = categories[i % 4],
            .status = "verified",
            .provenance = PROVENANCE_CLAIM,
        };
        int64_t id = 0;
        check(store_activity_add(store, 0, &activity, &id, &err), &err);
    }
    check(store_track_act(store, person_id, track, "submit", NULL, &err), &err);
    return track;
}

struct phase {
    const char *name;
    double seconds;
    int64_t bytes;
};

static void report(const struct phase *phase, int count)
{
    printf("  %-34s %8.3f s  %10.1f /s  (%" PRId64 " bytes made)\n", phase->name, phase->seconds,
           count / phase->seconds, phase->bytes);
}

int main(int argc, char **argv)
{
    int awards = 1000;
    const char *dir = NULL;
    static const struct option options[] = {
        {"awards", required_argument, NULL, 'n'}, {"dir", required_argument, NULL, 'd'}, {0}};
    int option;
    while ((option = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (option == 'n') {
            awards = (int)strtol(optarg, NULL, 10);
        } else if (option == 'd') {
            dir = optarg;
        } else {
            fprintf(stderr, "usage: bench-certificates [--awards N] [--dir DIR]\n");
            return 2;
        }
    }
    if (awards <= 0) {
        fprintf(stderr, "bench-certificates: --awards must be positive\n");
        return 2;
    }
    char directory[256];
    snprintf(directory, sizeof directory, "%s", dir != NULL ? dir : "/tmp/certtrack-bench-XXXXXX");
    if (dir == NULL && mkdtemp(directory) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    char db_path[512], key_path[600];
    snprintf(db_path, sizeof db_path, "%s/bench.db", directory);
    unlink(db_path);

    struct ct_err err = {0};
    struct program_set programs;
    program_set_init(&programs);
    check(program_dir_load(CERTTRACK_SOURCE_ROOT "/programs", &programs, &err), &err);
    struct store store;
    check(store_open(&store, db_path, true, &programs, &err), &err);
    check(signing_key_path(db_path, key_path, sizeof key_path, &err), &err);
    unlink(key_path);
    json_t *key = NULL;
    check(signing_key_load_or_create(key_path, &key, NULL, &err), &err);

    struct civil_date start = civil_date_from_ymd(2025, 1, 6);
    struct civil_date award_day = civil_date_from_ymd(2026, 6, 15);
    struct library_new library = {.name = "Bench Public Library", .city = "Helena"};
    int64_t library_id = 0;
    check(store_library_create(&store, 0, &library, &library_id, &err), &err);
    int64_t *tracks = calloc((size_t)awards, sizeof *tracks);
    int64_t *certificates = calloc((size_t)awards, sizeof *certificates);
    if (tracks == NULL || certificates == NULL) {
        return 1;
    }
    double setup_start = seconds_now();
    for (int i = 0; i < awards; i++) {
        tracks[i] = complete_learner(&store, library_id, i, start);
    }
    double setup_seconds = seconds_now() - setup_start;

    struct phase award = {"(a) award (store_award)", 0, 0};
    double t0 = seconds_now();
    for (int i = 0; i < awards; i++) {
        struct award_result result;
        check(store_award(&store, 0, tracks[i], award_day, &result, &err), &err);
        certificates[i] = result.certificate_id;
        award.bytes += (int64_t)strlen(result.number);
    }
    award.seconds = seconds_now() - t0;

    struct phase pdf = {"(b) certificate PDF, in memory", 0, 0};
    struct phase credential = {"(c) credential (VC-JWT, RS256)", 0, 0};
    struct phase transcript_phase = {"(t) transcript PDF, in memory", 0, 0};
    for (int i = 0; i < awards; i++) {
        double started = seconds_now();
        struct certificate_record record;
        bool found = false;
        check(store_certificate_find_by_id(&store, certificates[i], &record, &found, &err), &err);
        struct certificate_documents documents;
        check(certificate_documents_load(&store, &record, &documents, &err), &err);
        struct certificate_face face;
        certificate_documents_face(&documents, &face);
        struct buf out;
        buf_init(&out, 16 * 1024 * 1024);
        check(certificate_pdf_render(&face, &out, &err), &err);
        pdf.bytes += (int64_t)out.length;
        buf_release(&out);
        double drawn = seconds_now();
        char *jwt = NULL;
        check(certificate_documents_credential(&documents, key, &jwt, &err), &err);
        credential.bytes += (int64_t)strlen(jwt);
        free(jwt);
        double signed_at = seconds_now();
        struct transcript transcript;
        transcript_init(&transcript);
        check(store_transcript_load(&store, &record, &transcript, &err), &err);
        buf_init(&out, 16 * 1024 * 1024);
        check(transcript_pdf_render(&transcript, &out, &err), &err);
        transcript_phase.bytes += (int64_t)out.length;
        buf_release(&out);
        transcript_release(&transcript);
        certificate_documents_release(&documents);
        pdf.seconds += drawn - started;
        credential.seconds += signed_at - drawn;
        transcript_phase.seconds += seconds_now() - signed_at;
    }

    struct phase floor_phase = {"(d) floor: bare RS256 signatures", 0, 0};
    json_t *tiny = json_pack("{s:i}", "a", 1);
    t0 = seconds_now();
    for (int i = 0; i < awards; i++) {
        char *jwt = NULL;
        check(jws_compact_sign(key, NULL, "JWT", tiny, &jwt, &err), &err);
        floor_phase.bytes += (int64_t)strlen(jwt);
        free(jwt);
    }
    floor_phase.seconds = seconds_now() - t0;
    json_decref(tiny);

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double total = award.seconds + pdf.seconds + credential.seconds;
    printf("bench-certificates: %d awards (setup, untimed: %.1f s)\n", awards, setup_seconds);
    report(&award, awards);
    report(&pdf, awards);
    report(&credential, awards);
    report(&floor_phase, awards);
    report(&transcript_phase, awards);
    printf("  certificates issued (a)+(b)+(c):   %8.3f s  %10.1f /s\n", total, awards / total);
    printf("  credential / floor:                %8.2fx the time of a bare signature\n",
           credential.seconds / floor_phase.seconds);
    printf("  peak memory: %ld MiB\n", usage.ru_maxrss / 1024);

    json_decref(key);
    free(tracks);
    free(certificates);
    store_close(&store);
    program_set_release(&programs);
    unlink(key_path);
    unlink(db_path);
    if (dir == NULL) {
        rmdir(directory);
    }
    return 0;
}
