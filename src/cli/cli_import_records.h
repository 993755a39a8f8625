/*
 * cli_import_records: `certtrack import history`, the certificates and credit history a
 * State Library already holds, and `certtrack import people`, its libraries and people,
 * each from a CSV file (docs/operations.md), with --dry-run.
 */
#ifndef CERTTRACK_CLI_IMPORT_RECORDS_H
#define CERTTRACK_CLI_IMPORT_RECORDS_H

#include <stdio.h>

/* import history FILE --db PATH [--dry-run]: argv[0] is "history". Returns the exit code
 * (enum cli_exit, cli.h): 0 when the file was read, even with refused lines; 2 when it was
 * refused whole (nothing kept). */
int cli_import_history(int argc, char **argv);

/* import people FILE --db PATH [--dry-run]: argv[0] is "people"; libraries and people
 * (people_import.h). Returns the exit code (2 for a file that is not a people file). */
int cli_import_people(int argc, char **argv);

/* Prints the usage of the import verbs this file serves to out. */
void cli_import_records_usage(FILE *out);

#endif
