/*
 * lms_name: an LMS activity name as a key that survives Moodle's rewriting of it.
 *
 * Moodle passes an activity's name through format_string() before it writes a report
 * header: tags are stripped and &, <, > and " become &amp;, &lt;, &gt; and &quot;; the
 * report then writes a ' for each ". So "Q&A: <b>Reference</b> interview" is written
 * "Q&amp;A: Reference interview". The key of a name is the name with its tags
 * stripped, its character references decoded (the named ones format_string writes,
 * &nbsp;, and numeric ones) and each " made a ', so that a name as a coordinator typed
 * it and as a report or a statement carries it share one key.
 */
#ifndef CERTTRACK_LMS_NAME_H
#define CERTTRACK_LMS_NAME_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the key of name into out (size bytes, NUL-terminated). False when it does not
 * fit; out then holds its start. Both pointers borrowed. */
bool lms_name_key(const char *name, char *out, size_t size);

/* True when the two names share one key (each may be up to 1,023 bytes long; longer
 * names are compared whole only when their keys fit). */
bool lms_name_matches(const char *left, const char *right);

#endif
