/*
 * Migration 22: what the to-do list's staff at risk read from a track's summary
 * (store_track_summary.h) instead of evaluating each track: the next step (the blocking
 * code todo_rule_next_blocking picks, NULL when nothing blocks), for a category short
 * the category's name (NULL otherwise), the credits still needed in halves, and the
 * engine's deadline (NULL: none). The summaries written before know none of these, so
 * they are dropped and the first open refills every track (track_summary_state.filled).
 * Included by migrations.c only.
 */
"ALTER TABLE track_summaries ADD COLUMN next_blocking TEXT;"
    "ALTER TABLE track_summaries ADD COLUMN next_category TEXT;"
    "ALTER TABLE track_summaries ADD COLUMN remaining_halves INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE track_summaries ADD COLUMN deadline TEXT;"
    "DELETE FROM track_summaries;"
    "UPDATE track_summary_state SET filled = 0 WHERE singleton = 1;"
