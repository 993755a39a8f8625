/*
 * Migration 4: a catalog event may say that a completion harvested from the LMS is
 * proof enough (no supervisor's verification needed). Included by migrations.c only.
 */
"ALTER TABLE events ADD COLUMN lms_verifies INTEGER NOT NULL DEFAULT 0"
    " CHECK (lms_verifies IN (0, 1));"
