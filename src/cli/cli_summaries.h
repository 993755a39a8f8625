/*
 * cli_summaries: certtrack summaries refresh --db PATH [--as-of DATE] [--all], and
 * certtrack summaries check --db PATH
 *
 * The track summaries the lists read (store_track_summary.h): the daily refresh for the
 * passing of time, and the check that every summary agrees with a full evaluation.
 */
#ifndef CERTTRACK_CLI_SUMMARIES_H
#define CERTTRACK_CLI_SUMMARIES_H

/* certtrack summaries. argv[0] is "summaries", its verb and options follow; returns the
 * exit code (enum cli_exit, cli.h). */
int cli_summaries(int argc, char **argv);

#endif
