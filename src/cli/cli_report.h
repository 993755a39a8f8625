/*
 * cli_report: certtrack report compliance --db PATH [--as-of DATE] [--format csv|json]
 *
 * Every open track (active, submitted or returned) evaluated on one day: status,
 * counted and remaining credits, deadline and what blocks it.
 */
#ifndef CERTTRACK_CLI_REPORT_H
#define CERTTRACK_CLI_REPORT_H

/* certtrack report: report compliance: every open track, evaluated. argv[0] is "report", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_report_compliance(int argc, char **argv);

#endif
