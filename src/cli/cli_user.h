/*
 * cli_user: certtrack user add: a person and their invitation, from the command line
 * (the first CE coordinator of a new installation is made so).
 */
#ifndef CERTTRACK_CLI_USER_H
#define CERTTRACK_CLI_USER_H

/* user add --db PATH --email E --name N --role ROLE [--library ID]: makes the person
 * (action_user_add), prints the invitation link, and queues the invitation mail. */
int cli_user(int argc, char **argv);

#endif
