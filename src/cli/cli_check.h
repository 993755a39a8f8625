/*
 * cli_check: certtrack check: what a database holds that one event, one credit forbids.
 *
 * Lists every superseded duplicate (store_duplicates.h): an activity of a person for a
 * catalog event they already hold, kept and never counted since migration 8; with
 * --merge, moves their provenance onto the activity kept, audited.
 */
#ifndef CERTTRACK_CLI_CHECK_H
#define CERTTRACK_CLI_CHECK_H

/* certtrack check: list superseded duplicate activities, and merge them. argv[0] is "check", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_check(int argc, char **argv);

#endif
