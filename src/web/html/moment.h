/*
 * moment: a point in time as every page shows it, "YYYY-MM-DD HH:MM UTC" (a day alone
 * as "YYYY-MM-DD", civil_date_format). The one place a page turns a time into text:
 * from Unix seconds, or from the text the database keeps ("YYYY-MM-DDTHH:MM:SSZ" and
 * the other ISO 8601 forms timestamp_read_iso8601 reads). The JSON API and CSV files
 * keep ISO 8601 / RFC 3339; they do not use this.
 */
#ifndef CERTTRACK_MOMENT_H
#define CERTTRACK_MOMENT_H

#include <stddef.h>
#include <stdint.h>

#include "html.h"

/* Room for "YYYY-MM-DD HH:MM UTC" (a year up to 99999) and the NUL. */
#define MOMENT_TEXT_SIZE 32

/* Writes Unix seconds (UTC) as "YYYY-MM-DD HH:MM UTC" into out, the seconds dropped
 * (never rounded up); "" for 0 (no time kept). */
void moment_of_unix(int64_t unix_seconds, char out[MOMENT_TEXT_SIZE]);

/* Writes stored text as "YYYY-MM-DD HH:MM UTC" into out (size bytes, cut to fit):
 * "YYYY-MM-DDTHH:MM[:SS[.fraction]]" with "Z" or an offset (turned to UTC), or with a
 * space for the T, or without an offset (taken as UTC, as SQLite's datetime() writes
 * it). Other text (a day alone, words) is copied as it is; NULL gives "". */
void moment_of_text(const char *stored, char *out, size_t size);

/* Writes the stored text's moment (moment_of_text) as escaped text into h. */
void html_moment(struct html *h, const char *stored);

/* Writes the moment of Unix seconds into h; when unix_seconds is 0, none (escaped,
 * constant text, such as "never") instead. */
void html_moment_unix(struct html *h, int64_t unix_seconds, const char *none);

#endif
