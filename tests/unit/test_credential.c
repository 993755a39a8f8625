/* Signed credentials: the key file, RS256 compact JWS, the Open Badges 3.0 credential
 * as OB 3.0's VC-JWT (header, registered claims, subject id, the issuer profile that
 * names the key), the revocation status list, and the offline check that says valid,
 * expired, revoked, tampered, or malformed when the claims disagree with the credential. */
#include "helpers.h"

#include <jose/jose.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certificates/credential.h"
#include "certificates/credential_check.h"
#include "certificates/jws_compact.h"
#include "certificates/signing_key.h"
#include "certificates/status_list.h"
#include "core/banned.h"

#define PUBLIC_URL   "https://certs.example.gov"
#define SUBJECT_UUID "3f1d7c52-9a4e-4b8f-a1c6-0d2e5b7f9e41"

struct fixture {
    char directory[256];
    char key_path[512];
    char key_id[256]; /* PUBLIC_URL/keys/THUMBPRINT */
    json_t *key;
    json_t *key_set;
};

static int setup(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    assert_non_null(fixture);
    test_scratch_directory(fixture->directory, sizeof fixture->directory, "credential");
    snprintf(fixture->key_path, sizeof fixture->key_path, "%s/certtrack.db%s", fixture->directory,
             SIGNING_KEY_SUFFIX);
    struct ct_err err = {0};
    bool created = false;
    test_ok(signing_key_load_or_create(fixture->key_path, &fixture->key, &created, &err), &err);
    assert_true(created);
    credential_key_id(PUBLIC_URL, fixture->key, fixture->key_id, sizeof fixture->key_id);
    fixture->key_set = signing_key_public_set(fixture->key, fixture->key_id);
    assert_non_null(fixture->key_set);
    *state = fixture;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fixture = *state;
    json_decref(fixture->key);
    json_decref(fixture->key_set);
    assert_int_equal(test_remove_directory(fixture->directory), 0);
    free(fixture);
    return 0;
}

static const struct credential_alignment alignment[] = {
    {"Run a digital skills help desk", "G1: Digital inclusion"},
};

static struct credential_facts sample_facts(void)
{
    return (struct credential_facts){
        .public_url = PUBLIC_URL,
        .issuer_name = "Montana State Library",
        .number = "CT-2026-000064",
        .verification_code = "07JRNMEBFWADTKY1RZF3ZMS4T3QB2EF0",
        .status_index = 64,
        .learner_name = "Dakota Bighorn",
        .subject_uuid = SUBJECT_UUID,
        .learner_email = "Dakota@Library.Example.org",
        .program_id = "msl-strategic",
        .program_name = "Strategic Track to MSL Certification",
        .program_description = "60 credits in 4 years guided by a plan.",
        .credits_required_halves = 120,
        .credits_earned_halves = 125,
        .issued = test_day("2026-11-27"),
        .valid_until = test_day("2030-11-27"),
        .report_accepted = test_day("2026-11-17"),
        .alignment = alignment,
        .alignment_count = 1,
    };
}

static char *issue(const struct fixture *fixture)
{
    struct credential_facts facts = sample_facts();
    char *jwt = NULL;
    struct ct_err err = {0};
    test_ok(credential_issue(fixture->key, &facts, &jwt, &err), &err);
    return jwt;
}

static struct credential_check_result check(const struct fixture *fixture, const char *jwt,
                                            const char *status_list, const char *day)
{
    struct credential_check_result result;
    struct ct_err err = {0};
    test_ok(credential_check(jwt, fixture->key_set, status_list, test_day(day), &result, &err),
            &err);
    return result;
}

static void test_the_key_file_is_the_owners_alone_and_loads_again(void **state)
{
    struct fixture *fixture = *state;
    struct stat info;
    assert_int_equal(stat(fixture->key_path, &info), 0);
    assert_int_equal(info.st_mode & 0777, 0600);
    json_t *again = NULL;
    bool created = true;
    struct ct_err err = {0};
    test_ok(signing_key_load_or_create(fixture->key_path, &again, &created, &err), &err);
    assert_false(created);
    assert_string_equal(json_string_value(json_object_get(again, "kid")),
                        json_string_value(json_object_get(fixture->key, "kid")));
    json_decref(again);
}

static void test_a_key_file_others_can_read_is_refused(void **state)
{
    struct fixture *fixture = *state;
    assert_int_equal(chmod(fixture->key_path, 0644), 0);
    json_t *key = NULL;
    struct ct_err err = {0};
    assert_int_equal(signing_key_load_or_create(fixture->key_path, &key, NULL, &err), CT_ERR_INPUT);
    assert_null(key);
    assert_non_null(strstr(err.message, "chmod 600"));
    assert_int_equal(chmod(fixture->key_path, 0600), 0);
}

static void test_a_copy_of_the_key_is_the_same_key_and_the_owners_alone(void **state)
{
    struct fixture *fixture = *state;
    char copy[600];
    snprintf(copy, sizeof copy, "%s/backup.db%s", fixture->directory, SIGNING_KEY_SUFFIX);
    bool copied = false;
    struct ct_err err = {0};
    test_ok(signing_key_copy(fixture->key_path, copy, &copied, &err), &err);
    assert_true(copied);
    struct stat info;
    assert_int_equal(stat(copy, &info), 0);
    assert_int_equal(info.st_mode & 0777, 0600);
    json_t *again = NULL;
    test_ok(signing_key_load_or_create(copy, &again, NULL, &err), &err);
    assert_string_equal(json_string_value(json_object_get(again, "kid")),
                        json_string_value(json_object_get(fixture->key, "kid")));
    json_decref(again);
    /* Not over a file that is there; and nothing to copy is no error. */
    assert_int_equal(signing_key_copy(fixture->key_path, copy, &copied, &err), CT_ERR_INPUT);
    assert_false(copied);
    char none[600], elsewhere[600];
    snprintf(none, sizeof none, "%s/none.db%s", fixture->directory, SIGNING_KEY_SUFFIX);
    snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere.db%s", fixture->directory,
             SIGNING_KEY_SUFFIX);
    test_ok(signing_key_copy(none, elsewhere, &copied, &err), &err);
    assert_false(copied);
    assert_int_equal(access(elsewhere, F_OK), -1);
    assert_int_equal(unlink(copy), 0);
}

static void test_the_public_key_set_has_no_private_part(void **state)
{
    struct fixture *fixture = *state;
    const json_t *public_key = json_array_get(json_object_get(fixture->key_set, "keys"), 0);
    assert_non_null(public_key);
    assert_null(json_object_get(public_key, "d"));
    assert_null(json_object_get(public_key, "p"));
    assert_string_equal(json_string_value(json_object_get(public_key, "alg")), "RS256");
    assert_string_equal(json_string_value(json_object_get(public_key, "use")), "sig");
}

static void test_the_credential_is_an_open_badge_with_its_evidence(void **state)
{
    (void)state;
    struct credential_facts facts = sample_facts();
    json_t *credential = credential_build(&facts);
    assert_non_null(credential);
    const json_t *types = json_object_get(credential, "type");
    assert_string_equal(json_string_value(json_array_get(types, 1)), "OpenBadgeCredential");
    assert_string_equal(json_string_value(json_object_get(credential, "validUntil")),
                        "2030-11-27T00:00:00Z");
    const json_t *subject = json_object_get(credential, "credentialSubject");
    const json_t *achievement = json_object_get(subject, "achievement");
    assert_string_equal(json_string_value(json_object_get(achievement, "achievementType")),
                        "Certification");
    assert_int_equal(json_integer_value(json_object_get(achievement, "creditsAvailable")), 60);
    assert_true(json_real_value(json_object_get(subject, "creditsEarned")) == 62.5);
    const json_t *evidence = json_object_get(credential, "evidence");
    assert_int_equal(json_array_size(evidence), 2);
    const char *narrative =
        json_string_value(json_object_get(json_array_get(evidence, 1), "narrative"));
    assert_non_null(strstr(narrative, "G1: Digital inclusion"));
    const json_t *status = json_object_get(credential, "credentialStatus");
    assert_string_equal(json_string_value(json_object_get(status, "statusListIndex")), "64");
    assert_int_equal(json_integer_value(json_object_get(credential, "exp")),
                     (json_int_t)test_day("2030-11-27").days * 86400);
    json_decref(credential);
}

static void test_the_learner_is_named_and_their_address_hashed(void **state)
{
    (void)state;
    struct credential_facts facts = sample_facts();
    json_t *credential = credential_build(&facts);
    assert_non_null(credential);
    const json_t *identifiers =
        json_object_get(json_object_get(credential, "credentialSubject"), "identifier");
    assert_int_equal(json_array_size(identifiers), 2);
    const json_t *name = json_array_get(identifiers, 0);
    assert_string_equal(json_string_value(json_object_get(name, "identityHash")), "Dakota Bighorn");
    assert_true(json_is_false(json_object_get(name, "hashed")));
    const json_t *email = json_array_get(identifiers, 1);
    assert_string_equal(json_string_value(json_object_get(email, "identityType")), "emailAddress");
    assert_true(json_is_true(json_object_get(email, "hashed")));
    assert_string_equal(json_string_value(json_object_get(email, "salt")),
                        "07JRNMEBFWADTKY1RZF3ZMS4T3QB2EF0");
    /* SHA-256 of the address in lower case followed by the salt. */
    assert_string_equal(json_string_value(json_object_get(email, "identityHash")),
                        "sha256$9b4cb6eb78b1de4d122e1efb2ede60aefc1e7354c9961c9f6ebc608585988301");
    char *text = json_dumps(credential, JSON_COMPACT);
    assert_null(strstr(text, "Library.Example"));
    assert_null(strstr(text, "library.example"));
    free(text);
    json_decref(credential);
}

/* The JSON object that the token's part (0 the header, 1 the payload) encodes. */
static json_t *token_part(const char *jwt, int part)
{
    const char *start = jwt;
    for (int i = 0; i < part; i++) {
        start = strchr(start, '.') + 1;
    }
    json_t *encoded = json_stringn(start, strcspn(start, "."));
    json_t *decoded = jose_b64_dec_load(encoded);
    json_decref(encoded);
    assert_true(json_is_object(decoded));
    return decoded;
}

static void test_the_header_is_rs256_typ_jwt_and_kid_the_keys_address(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    json_t *header = token_part(jwt, 0);
    /* OB 3.0 allows no other JOSE header. */
    assert_int_equal(json_object_size(header), 3);
    assert_string_equal(json_string_value(json_object_get(header, "alg")), "RS256");
    assert_string_equal(json_string_value(json_object_get(header, "typ")), "JWT");
    char expected[300];
    snprintf(expected, sizeof expected, PUBLIC_URL "/keys/%s",
             json_string_value(json_object_get(fixture->key, "kid")));
    assert_string_equal(json_string_value(json_object_get(header, "kid")), expected);
    assert_string_equal(fixture->key_id, expected);
    json_decref(header);
    free(jwt);
}

static void test_the_claims_are_the_credentials_own(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    json_t *payload = token_part(jwt, 1);
    const json_t *subject = json_object_get(payload, "credentialSubject");
    assert_string_equal(json_string_value(json_object_get(subject, "id")),
                        "urn:uuid:" SUBJECT_UUID);
    assert_string_equal(json_string_value(json_object_get(payload, "sub")),
                        "urn:uuid:" SUBJECT_UUID);
    assert_string_equal(json_string_value(json_object_get(payload, "iss")), PUBLIC_URL "/issuer");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(payload, "issuer"), "id")),
        PUBLIC_URL "/issuer");
    assert_string_equal(json_string_value(json_object_get(payload, "jti")),
                        json_string_value(json_object_get(payload, "id")));
    assert_int_equal(json_integer_value(json_object_get(payload, "nbf")),
                     (json_int_t)test_day("2026-11-27").days * 86400);
    json_decref(payload);
    free(jwt);
}

static void test_the_subject_id_says_nothing_personal(void **state)
{
    (void)state;
    struct credential_facts facts = sample_facts();
    json_t *credential = credential_build(&facts);
    assert_non_null(credential);
    const char *id =
        json_string_value(json_object_get(json_object_get(credential, "credentialSubject"), "id"));
    assert_non_null(id);
    assert_int_equal(strlen(id), strlen("urn:uuid:") + 36);
    assert_true(strncmp(id, "urn:uuid:", 9) == 0 && credential_subject_uuid_valid(id + 9));
    assert_null(strstr(id, "Dakota"));
    assert_null(strstr(id, "akota@"));
    json_decref(credential);
}

static void test_a_holder_without_a_subject_id_gets_no_credential(void **state)
{
    struct fixture *fixture = *state;
    const char *bad[] = {NULL,
                         "",
                         "3F1D7C52-9A4E-4B8F-A1C6-0D2E5B7F9E41",
                         "3f1d7c52-9a4e-4b8f-a1c6-0d2e5b7f9e4",
                         "3f1d7c529a4e4b8fa1c60d2e5b7f9e41xxxx",
                         "dakota@library.example.org"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct credential_facts facts = sample_facts();
        facts.subject_uuid = bad[i];
        char *jwt = NULL;
        struct ct_err err = {0};
        assert_int_equal(credential_issue(fixture->key, &facts, &jwt, &err), CT_ERR_INPUT);
        assert_null(jwt);
        assert_non_null(strstr(err.message, "subject id"));
    }
}

static void test_the_key_at_its_address_is_the_public_half(void **state)
{
    struct fixture *fixture = *state;
    json_t *public_key = signing_key_public(fixture->key, fixture->key_id);
    assert_non_null(public_key);
    assert_string_equal(json_string_value(json_object_get(public_key, "kid")), fixture->key_id);
    assert_true(json_equal(json_object_get(public_key, "n"), json_object_get(fixture->key, "n")));
    assert_null(json_object_get(public_key, "d"));
    assert_true(
        json_equal(public_key, json_array_get(json_object_get(fixture->key_set, "keys"), 0)));
    json_decref(public_key);
}

static void test_the_issuer_profile_names_its_key(void **state)
{
    struct fixture *fixture = *state;
    json_t *profile = credential_issuer_profile(PUBLIC_URL, "Montana State Library", fixture->key);
    assert_non_null(profile);
    const json_t *method = json_array_get(json_object_get(profile, "verificationMethod"), 0);
    assert_non_null(method);
    assert_string_equal(json_string_value(json_object_get(method, "id")), fixture->key_id);
    assert_string_equal(json_string_value(json_object_get(method, "type")), "JsonWebKey");
    assert_string_equal(json_string_value(json_object_get(method, "controller")),
                        PUBLIC_URL "/issuer");
    const json_t *jwk = json_object_get(method, "publicKeyJwk");
    assert_true(json_equal(jwk, json_array_get(json_object_get(fixture->key_set, "keys"), 0)));
    assert_null(json_object_get(jwk, "d"));
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(profile, "assertionMethod"), 0)),
        fixture->key_id);
    json_decref(profile);
    /* Without a key, the profile is there all the same, naming none. */
    profile = credential_issuer_profile(PUBLIC_URL, "Montana State Library", NULL);
    assert_non_null(profile);
    assert_null(json_object_get(profile, "verificationMethod"));
    assert_string_equal(json_string_value(json_object_get(profile, "name")),
                        "Montana State Library");
    json_decref(profile);
}

/* The credential with one member of its payload set to value (stolen; NULL removes it),
 * signed again with the issuer's own key. */
static char *signed_with(const struct fixture *fixture, const char *member, json_t *value)
{
    struct credential_facts facts = sample_facts();
    json_t *credential = credential_build(&facts);
    assert_non_null(credential);
    if (value != NULL) {
        assert_int_equal(json_object_set_new(credential, member, value), 0);
    } else {
        assert_int_equal(json_object_del(credential, member), 0);
    }
    char *jwt = NULL;
    struct ct_err err = {0};
    test_ok(jws_compact_sign(fixture->key, fixture->key_id, "JWT", credential, &jwt, &err), &err);
    json_decref(credential);
    return jwt;
}

static void test_claims_that_disagree_with_the_credential_are_malformed(void **state)
{
    struct fixture *fixture = *state;
    json_int_t issued = (json_int_t)test_day("2026-11-27").days * 86400;
    json_int_t until = (json_int_t)test_day("2030-11-27").days * 86400;
    struct {
        const char *member;
        json_t *value;
    } cases[] = {
        {"iss", json_string("https://elsewhere.example/issuer")},
        {"iss", NULL},
        {"jti", json_string(PUBLIC_URL "/verify/SOMEONEELSE")},
        {"jti", NULL},
        {"sub", json_string("urn:uuid:00000000-0000-4000-8000-000000000000")},
        {"sub", NULL},
        {"nbf", json_integer(issued - 86400)},
        {"nbf", json_integer(issued + 1)},
        {"nbf", NULL},
        {"exp", json_integer(until + 86400)},
        {"exp", json_string("2030-11-27T00:00:00Z")},
        {"exp", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *jwt = signed_with(fixture, cases[i].member, cases[i].value);
        struct credential_check_result result = check(fixture, jwt, NULL, "2027-01-01");
        if (result.verdict != CREDENTIAL_MALFORMED ||
            strstr(result.reason, cases[i].member) == NULL) {
            fail_msg("case %zu (%s): verdict %s, %s", i, cases[i].member,
                     credential_verdict_word(result.verdict), result.reason);
        }
        free(jwt);
    }
    /* The same, signed again unchanged, is valid: the key and the check agree. */
    char *jwt = signed_with(fixture, "iat", json_integer(issued));
    assert_int_equal(check(fixture, jwt, NULL, "2027-01-01").verdict, CREDENTIAL_VALID);
    free(jwt);
}

static void test_an_issued_credential_checks_valid_until_its_last_day(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    struct credential_check_result result = check(fixture, jwt, NULL, "2030-11-26");
    assert_int_equal(result.verdict, CREDENTIAL_VALID);
    assert_string_equal(result.holder, "Dakota Bighorn");
    result = check(fixture, jwt, NULL, "2030-11-27");
    assert_int_equal(result.verdict, CREDENTIAL_EXPIRED);
    result = check(fixture, jwt, NULL, "2026-11-26");
    assert_int_equal(result.verdict, CREDENTIAL_NOT_YET_VALID);
    free(jwt);
}

/* Decodes the payload, changes one character of it, and puts the token back together
 * with the original signature. */
static char *with_payload_changed(const char *jwt, const char *from, const char *to)
{
    const char *first = strchr(jwt, '.');
    const char *second = strchr(first + 1, '.');
    json_t *part = json_stringn(first + 1, (size_t)(second - first - 1));
    size_t length = jose_b64_dec(part, NULL, 0);
    char *payload = calloc(1, length + 1);
    assert_non_null(payload);
    jose_b64_dec(part, payload, length);
    json_decref(part);
    char *at = strstr(payload, from);
    assert_non_null(at);
    memcpy(at, to, strlen(to));
    json_t *encoded = jose_b64_enc(payload, length);
    free(payload);
    char *changed = NULL;
    assert_true(asprintf(&changed, "%.*s.%s%s", (int)(first - jwt), jwt, json_string_value(encoded),
                         second) > 0);
    json_decref(encoded);
    return changed;
}

static void test_one_character_changed_is_tampered(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    char *changed = with_payload_changed(jwt, "Dakota", "Dakoto");
    struct credential_check_result result = check(fixture, changed, NULL, "2027-01-01");
    assert_int_equal(result.verdict, CREDENTIAL_TAMPERED);
    free(changed);
    free(jwt);
}

static void test_a_token_naming_another_algorithm_is_tampered(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    /* {"alg":"none","kid":"x"} in base64url, with the credential's own payload. */
    const char *payload = strchr(jwt, '.');
    char *forged = NULL;
    assert_true(asprintf(&forged, "eyJhbGciOiJub25lIiwia2lkIjoieCJ9%s", payload) > 0);
    struct credential_check_result result = check(fixture, forged, NULL, "2027-01-01");
    assert_int_equal(result.verdict, CREDENTIAL_TAMPERED);
    assert_non_null(strstr(result.reason, "RS256"));
    free(forged);
    free(jwt);
}

static void test_a_key_from_elsewhere_does_not_verify(void **state)
{
    struct fixture *fixture = *state;
    json_t *other = json_pack("{s:s}", "alg", "RS256");
    assert_true(jose_jwk_gen(NULL, other));
    /* It claims to be ours by its kid. */
    assert_int_equal(json_object_set(other, "kid", json_object_get(fixture->key, "kid")), 0);
    struct credential_facts facts = sample_facts();
    char *jwt = NULL;
    struct ct_err err = {0};
    test_ok(credential_issue(other, &facts, &jwt, &err), &err);
    struct credential_check_result result = check(fixture, jwt, NULL, "2027-01-01");
    assert_int_equal(result.verdict, CREDENTIAL_TAMPERED);
    free(jwt);
    json_decref(other);
}

static void test_garbage_is_malformed(void **state)
{
    struct fixture *fixture = *state;
    const char *inputs[] = {
        "", "a.b", "not a jwt at all", "a..b", "e30.e30.", "....", "eyJhbGciOiJSUzI1NiJ9.!!!.abc"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        struct credential_check_result result = check(fixture, inputs[i], NULL, "2027-01-01");
        assert_int_equal(result.verdict, CREDENTIAL_MALFORMED);
    }
}

static char *signed_status_list(const struct fixture *fixture, const int64_t *revoked, size_t count)
{
    char *encoded = NULL;
    struct ct_err err = {0};
    test_ok(status_list_encode(revoked, count, &encoded, &err), &err);
    json_t *list =
        status_list_credential("https://certs.example.gov/status/revocation",
                               "https://certs.example.gov/issuer", "2026-11-27T10:00:00Z", encoded);
    free(encoded);
    char *jwt = NULL;
    test_ok(jws_compact_sign(fixture->key, fixture->key_id, "vc+jwt", list, &jwt, &err), &err);
    json_decref(list);
    return jwt;
}

static void test_the_status_list_says_revoked(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    const int64_t others[] = {3, 63, 65};
    char *list = signed_status_list(fixture, others, 3);
    assert_int_equal(check(fixture, jwt, list, "2027-01-01").verdict, CREDENTIAL_VALID);
    free(list);
    const int64_t ours[] = {3, 64};
    list = signed_status_list(fixture, ours, 2);
    assert_int_equal(check(fixture, jwt, list, "2027-01-01").verdict, CREDENTIAL_REVOKED);
    /* Revoked outranks expired. */
    assert_int_equal(check(fixture, jwt, list, "2031-01-01").verdict, CREDENTIAL_REVOKED);
    free(list);
    free(jwt);
}

static void test_a_changed_status_list_is_refused(void **state)
{
    struct fixture *fixture = *state;
    char *jwt = issue(fixture);
    const int64_t ours[] = {64};
    char *list = signed_status_list(fixture, ours, 1);
    char *changed = with_payload_changed(list, "revocation\"", "revocatioN\"");
    struct credential_check_result result;
    struct ct_err err = {0};
    assert_int_equal(
        credential_check(jwt, fixture->key_set, changed, test_day("2027-01-01"), &result, &err),
        CT_ERR_INPUT);
    assert_string_equal(err.where, "status list");
    free(changed);
    free(list);
    free(jwt);
}

static void test_status_list_bits_round_trip(void **state)
{
    (void)state;
    const int64_t revoked[] = {0, 7, 8, 131071, 200000};
    char *encoded = NULL;
    struct ct_err err = {0};
    test_ok(status_list_encode(revoked, 5, &encoded, &err), &err);
    assert_int_equal(encoded[0], 'u');
    const int64_t set_bits[] = {0, 7, 8, 131071, 200000};
    const int64_t clear_bits[] = {1, 6, 9, 131070, 199999, 200001};
    for (size_t i = 0; i < 5; i++) {
        bool set = false;
        test_ok(status_list_bit(encoded, set_bits[i], &set, &err), &err);
        assert_true(set);
    }
    for (size_t i = 0; i < 6; i++) {
        bool set = true;
        test_ok(status_list_bit(encoded, clear_bits[i], &set, &err), &err);
        assert_false(set);
    }
    bool set = false;
    assert_int_equal(status_list_bit(encoded, 300000, &set, &err), CT_ERR_INPUT);
    free(encoded);
}

static void test_an_empty_status_list_has_sixteen_kibibytes(void **state)
{
    (void)state;
    char *encoded = NULL;
    struct ct_err err = {0};
    test_ok(status_list_encode(NULL, 0, &encoded, &err), &err);
    bool set = true;
    test_ok(status_list_bit(encoded, STATUS_LIST_MIN_BITS - 1, &set, &err), &err);
    assert_false(set);
    assert_int_equal(status_list_bit(encoded, STATUS_LIST_MIN_BITS, &set, &err), CT_ERR_INPUT);
    assert_true(strlen(encoded) < 400); /* all zeros compress to almost nothing */
    free(encoded);
}

static void test_a_bad_encoded_list_is_an_error(void **state)
{
    (void)state;
    const char *inputs[] = {"", "x", "u", "u!!!", "uAAAA", "H4sIAAAAAAAAA"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        bool set = false;
        struct ct_err err = {0};
        assert_int_equal(status_list_bit(inputs[i], 0, &set, &err), CT_ERR_INPUT);
    }
    const int64_t out_of_range[] = {-1};
    char *encoded = NULL;
    struct ct_err err = {0};
    assert_int_equal(status_list_encode(out_of_range, 1, &encoded, &err), CT_ERR_INPUT);
    assert_null(encoded);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_key_file_is_the_owners_alone_and_loads_again),
        cmocka_unit_test(test_a_key_file_others_can_read_is_refused),
        cmocka_unit_test(test_a_copy_of_the_key_is_the_same_key_and_the_owners_alone),
        cmocka_unit_test(test_the_public_key_set_has_no_private_part),
        cmocka_unit_test(test_the_credential_is_an_open_badge_with_its_evidence),
        cmocka_unit_test(test_the_learner_is_named_and_their_address_hashed),
        cmocka_unit_test(test_the_header_is_rs256_typ_jwt_and_kid_the_keys_address),
        cmocka_unit_test(test_the_claims_are_the_credentials_own),
        cmocka_unit_test(test_the_subject_id_says_nothing_personal),
        cmocka_unit_test(test_a_holder_without_a_subject_id_gets_no_credential),
        cmocka_unit_test(test_the_key_at_its_address_is_the_public_half),
        cmocka_unit_test(test_the_issuer_profile_names_its_key),
        cmocka_unit_test(test_claims_that_disagree_with_the_credential_are_malformed),
        cmocka_unit_test(test_an_issued_credential_checks_valid_until_its_last_day),
        cmocka_unit_test(test_one_character_changed_is_tampered),
        cmocka_unit_test(test_a_token_naming_another_algorithm_is_tampered),
        cmocka_unit_test(test_a_key_from_elsewhere_does_not_verify),
        cmocka_unit_test(test_garbage_is_malformed),
        cmocka_unit_test(test_the_status_list_says_revoked),
        cmocka_unit_test(test_a_changed_status_list_is_refused),
        cmocka_unit_test(test_status_list_bits_round_trip),
        cmocka_unit_test(test_an_empty_status_list_has_sixteen_kibibytes),
        cmocka_unit_test(test_a_bad_encoded_list_is_an_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
