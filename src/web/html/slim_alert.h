/*
 * slim_alert: the slim alert boxes of the learner's and the supervisor's pages: an error
 * that says why a change was refused (or points to the field that says it), and a
 * warning that carries what someone else wrote (a returned plan's, report's or track's
 * comment).
 */
#ifndef CERTTRACK_SLIM_ALERT_H
#define CERTTRACK_SLIM_ALERT_H

#include <stdbool.h>

#include "html.h"

/* Writes an error box with message (NULL: nothing). When beside_field, a field is marked
 * with what to fix and is the one alert: the box only points to it (no role). */
void html_slim_error(struct html *h, const char *message, bool beside_field);

/* Opens a warning box's text; the caller writes the words and closes it with
 * html_slim_alert_end. */
void html_slim_warning_begin(struct html *h);

/* Closes a box opened with html_slim_warning_begin. */
void html_slim_alert_end(struct html *h);

#endif
