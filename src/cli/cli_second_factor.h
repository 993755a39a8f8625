/*
 * cli_second_factor: `certtrack second-factor reset`: the CE coordinator's reset of a
 * person's second factor (actions/second_factor.h), for one who lost their phone and
 * their recovery codes.
 */
#ifndef CERTTRACK_CLI_SECOND_FACTOR_H
#define CERTTRACK_CLI_SECOND_FACTOR_H

/* certtrack second-factor reset --db PATH --person P */
int cli_second_factor(int argc, char **argv);

#endif
