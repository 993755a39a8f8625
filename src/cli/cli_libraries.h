/*
 * cli_libraries: `certtrack library add|edit|close|list|plan` and `certtrack goal
 * add|edit|retire|delete|list`: the libraries and their strategic plans, through the
 * same actions as the pages and the API, acting as the system.
 */
#ifndef CERTTRACK_CLI_LIBRARIES_H
#define CERTTRACK_CLI_LIBRARIES_H

/* certtrack library VERB ...; argv[0] is "library". Returns the exit code. */
int cli_library(int argc, char **argv);

/* certtrack goal VERB ...; argv[0] is "goal". Returns the exit code. */
int cli_goal(int argc, char **argv);

#endif
