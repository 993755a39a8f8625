/*
 * cli_record: a learner's record in the database:
 *   certtrack export-record --db PATH --person ID|EMAIL [--as-of DATE]
 *   certtrack award --db PATH --person ID|EMAIL [--as-of DATE]
 */
#ifndef CERTTRACK_CLI_RECORD_H
#define CERTTRACK_CLI_RECORD_H

/* certtrack export-record: print a person's track as evaluate input. argv[0] is "export-record",
 * its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_export_record(int argc, char **argv);

/* certtrack award: award a complete track: certificate and next track. argv[0] is "award", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_award(int argc, char **argv);

#endif
