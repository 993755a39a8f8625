/*
 * Migration 15: the planned hours of a planned item. A self-directed item of a
 * Professional Development Plan says how long the learner means to spend on it
 * (`planned_minutes`, whole minutes, from the hours typed); a training item may say so
 * too. NULL: not said (items planned before this migration, training without hours).
 * Included by migrations.c only.
 */
"ALTER TABLE plan_items ADD COLUMN planned_minutes INTEGER"
    " CHECK (planned_minutes IS NULL OR planned_minutes > 0);"
