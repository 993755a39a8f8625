/*
 * cli_programs: certtrack programs [--programs DIR]
 *
 * Loads (and so checks) every program file and lists the programs.
 */
#ifndef CERTTRACK_CLI_PROGRAMS_H
#define CERTTRACK_CLI_PROGRAMS_H

/* certtrack programs: list and check the certification programs. argv[0] is "programs", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_programs(int argc, char **argv);

#endif
