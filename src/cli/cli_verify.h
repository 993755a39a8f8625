/*
 * cli_verify: checking a credential offline, as anyone holding the issuer's public keys can:
 *   certtrack verify FILE --jwks FILE [--status-list FILE] [--as-of DATE]
 */
#ifndef CERTTRACK_CLI_VERIFY_H
#define CERTTRACK_CLI_VERIFY_H

/* certtrack verify: check a credential offline: valid, expired, revoked, tampered. argv[0] is
 * "verify", its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_verify(int argc, char **argv);

#endif
