/*
 * cli_demo_data: certtrack demo-data --db PATH [--seed N] [--programs DIR]
 */
#ifndef CERTTRACK_CLI_DEMO_DATA_H
#define CERTTRACK_CLI_DEMO_DATA_H

/* certtrack demo-data: fill an empty database with demonstration data. argv[0] is "demo-data",
 * its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_demo_data(int argc, char **argv);

#endif
