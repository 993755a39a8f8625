/*
 * cli_evaluate: certtrack evaluate [FILE|-] [--format json|text] [--as-of DATE] [--programs DIR]
 */
#ifndef CERTTRACK_CLI_EVALUATE_H
#define CERTTRACK_CLI_EVALUATE_H

/* certtrack evaluate: decide which credits count for one learner record. argv[0] is "evaluate",
 * its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_evaluate(int argc, char **argv);

#endif
