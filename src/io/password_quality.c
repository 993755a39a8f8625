#include "password_quality.h"

#include <ctype.h>
#include <pwquality.h>
#include <stdio.h>
#include <string.h>

#include "../core/banned.h"

/* libpwquality's judgement of password with a minimum length of min_length: its
 * (negative) error or its score. */
static int judge(const char *password, const char *user, int min_length, char *reason, size_t size)
{
    pwquality_settings_t *settings = pwquality_default_settings();
    if (settings == NULL) {
        return PWQ_ERROR_MEM_ALLOC;
    }
    int result = pwquality_set_int_value(settings, PWQ_SETTING_MIN_LENGTH, min_length);
    if (result == 0) {
        result = pwquality_set_int_value(settings, PWQ_SETTING_DICT_CHECK, 1);
    }
    void *auxiliary = NULL;
    if (result == 0) {
        result = pwquality_check(settings, password, NULL, user, &auxiliary);
    }
    if (result < 0) {
        char text[PWQ_MAX_ERROR_MESSAGE_LEN];
        const char *message = pwquality_strerror(text, sizeof text, result, auxiliary);
        snprintf(reason, size, "%s", message != NULL ? message : "is not accepted");
    }
    pwquality_free_settings(settings);
    return result;
}

/* password without its trailing digits and punctuation, in lower case, into out. */
static void word_part(const char *password, char *out, size_t size)
{
    size_t length = strlen(password);
    while (length > 0 && !isalpha((unsigned char)password[length - 1])) {
        length--;
    }
    if (length >= size) {
        length = size - 1;
    }
    for (size_t i = 0; i < length; i++) {
        out[i] = (char)tolower((unsigned char)password[i]);
    }
    out[length] = '\0';
}

static enum ct_status refused(const char *field, const char *reason, struct ct_err *err)
{
    return ct_err_set(err, CT_ERR_INPUT, field,
                      "is too easy to guess (%s):"
                      " choose a longer phrase of unrelated words",
                      reason);
}

enum ct_status password_quality_check(const char *password, const char *user, const char *field,
                                      struct ct_err *err)
{
    size_t length = password != NULL ? strlen(password) : 0;
    if (length < PASSWORD_MIN_LENGTH) {
        return ct_err_set(err, CT_ERR_INPUT, field, "must have at least %d characters",
                          PASSWORD_MIN_LENGTH);
    }
    if (length > PASSWORD_MAX_LENGTH) {
        return ct_err_set(err, CT_ERR_INPUT, field, "may have at most %d characters",
                          PASSWORD_MAX_LENGTH);
    }
    char reason[PWQ_MAX_ERROR_MESSAGE_LEN + 1] = "";
    int result = judge(password, user, PASSWORD_MIN_LENGTH, reason, sizeof reason);
    if (result == PWQ_ERROR_MEM_ALLOC) {
        return ct_err_nomem(err);
    }
    if (result < 0) {
        return refused(field, reason, err);
    }
    char word[64];
    word_part(password, word, sizeof word);
    /* A word of 6 letters or more with digits after it: the word alone is judged. */
    if (strlen(word) >= 6 && strlen(word) < length &&
        judge(word, NULL, 6, reason, sizeof reason) == PWQ_ERROR_CRACKLIB_CHECK) {
        return refused(field, reason, err);
    }
    return CT_OK;
}
