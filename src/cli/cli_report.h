/*
 * cli_report: certtrack report compliance --db PATH [--as-of DATE] [--format csv|json]
 *             certtrack report certified --db PATH --from DATE --to DATE [--format csv|text]
 *
 * compliance: every open track (active, submitted or returned) evaluated on one day:
 * status, counted and remaining credits, deadline and what blocks it. certified: the
 * newly certified of a range of days (store_newly_certified.h), as CSV or as the
 * announcement written from its template.
 */
#ifndef CERTTRACK_CLI_REPORT_H
#define CERTTRACK_CLI_REPORT_H

/* certtrack report: report compliance (every open track, evaluated) and report certified
 * (the newly certified). argv[0] is "report", its verb and options follow; returns the
 * exit code (enum cli_exit, cli.h). */
int cli_report_compliance(int argc, char **argv);

#endif
