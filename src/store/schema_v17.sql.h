/*
 * Migration 17: a catalog event may be withdrawn (cancelled): withdrawn_at, the UTC
 * time the CE coordinator withdrew it (NULL: it is on). A withdrawn event keeps its row,
 * its registrations and the attendance recorded; it takes no more registrations and
 * leaves the public calendar's list (the feed shows it as cancelled). Included by
 * migrations.c only.
 */
"ALTER TABLE events ADD COLUMN withdrawn_at TEXT;"
