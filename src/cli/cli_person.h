/*
 * cli_person: keeping people from the command line, through the people actions
 * (actions/people.h, actions/people_officers.h), acting as the system:
 *
 *   certtrack person add --db PATH --name N --email E [--library ID] [--position P]
 *                        --role ROLE[:YYYY-MM-DD]...
 *   certtrack person edit --db PATH --person P [--name N] [--email E] [--position P]
 *                         [--role ROLE[:YYYY-MM-DD]...]
 *   certtrack person deactivate --db PATH --person P
 *   certtrack person move --db PATH --person P --library ID|none [--on DATE] [--position P]
 *   certtrack person merge --db PATH --person P --into P
 *   certtrack person verifier --db PATH --person P --verifier P|derived
 *   certtrack person find --db PATH --query Q [--library ID] [--all]
 *   certtrack person list --db PATH [--library ID] [--all]
 *   certtrack officers --db PATH --library ID --director P|none --chair P|none
 *
 * A person P is named by id or e-mail address.
 */
#ifndef CERTTRACK_CLI_PERSON_H
#define CERTTRACK_CLI_PERSON_H

/* certtrack person VERB ...: argv[0] is "person". Returns the exit code. */
int cli_person(int argc, char **argv);

/* certtrack officers ...: a library's director and board chair. argv[0] is the command's
 * name. Returns the exit code. */
int cli_officers(int argc, char **argv);

#endif
