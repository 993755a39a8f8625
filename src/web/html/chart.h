/*
 * chart: the progress chart on the learner's dashboard, drawn by the server as SVG.
 *
 * Credits counted over time (a step line by activity date), the required total as a
 * line, the deadline as a marker, and the credits that expire within the next twelve
 * months, with a text alternative for screen readers.
 */
#ifndef CERTTRACK_CHART_H
#define CERTTRACK_CHART_H

#include "../../core/buf.h"
#include "../../core/engine.h"
#include "../../core/record.h"

enum ct_status chart_progress_svg(struct buf *out, const struct learner_record *record,
                                  const struct evaluation *evaluation,
                                  struct civil_date today) CT_MUST_CHECK;

#endif
