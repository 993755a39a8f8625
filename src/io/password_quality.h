/*
 * password_quality: whether a new password is good enough: at least
 * PASSWORD_MIN_LENGTH characters, and not one of the common passwords in cracklib's
 * dictionary, as libpwquality (Debian's libpwquality1, the dictionary in
 * cracklib-runtime) judges it: a dictionary word, a word with a few letters changed,
 * a keyboard or number run, a palindrome, the person's own name or address. A word of
 * the dictionary followed by digits or punctuation ("password1234") is refused too,
 * which cracklib's own rules let through.
 */
#ifndef CERTTRACK_PASSWORD_QUALITY_H
#define CERTTRACK_PASSWORD_QUALITY_H

#include <stddef.h>

#include "../core/err.h"

#define PASSWORD_MIN_LENGTH 12
#define PASSWORD_MAX_LENGTH 1024

/* CT_OK when password (borrowed) is good enough for the person with e-mail address
 * user (borrowed, may be NULL); CT_ERR_INPUT naming field with the reason otherwise;
 * CT_ERR_IO when the dictionary cannot be read. */
enum ct_status password_quality_check(const char *password, const char *user, const char *field,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
