/*
 * evaluation_text: an evaluation as a short summary for people, with a table of
 * activities (`certtrack evaluate --format text`).
 */
#ifndef CERTTRACK_EVALUATION_TEXT_H
#define CERTTRACK_EVALUATION_TEXT_H

#include "buf.h"
#include "engine.h"
#include "record.h"

/* Appends the summary of evaluation of record (both borrowed) to out. */
enum ct_status evaluation_to_text(const struct evaluation *evaluation,
                                  const struct learner_record *record,
                                  struct buf *out) CT_MUST_CHECK;

#endif
