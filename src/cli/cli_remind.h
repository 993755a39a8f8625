/*
 * cli_remind: certtrack remind --db PATH [--as-of DATE] [--dry-run]
 *
 * The daily reminders (actions/remind.h): one line per message queued (or, with
 * --dry-run, that would be), then a summary line.
 */
#ifndef CERTTRACK_CLI_REMIND_H
#define CERTTRACK_CLI_REMIND_H

/* certtrack remind. argv[0] is "remind", its options follow; returns the exit code (enum
 * cli_exit, cli.h). */
int cli_remind(int argc, char **argv);

#endif
