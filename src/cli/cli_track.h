/*
 * cli_track: a person's tracks (docs/programs.md, "Several tracks at once"):
 *   certtrack track list --db PATH --person ID|EMAIL
 *   certtrack track choices --db PATH --person ID|EMAIL [--start DATE]
 *   certtrack track enrol --db PATH --person ID|EMAIL --program ID [--start DATE]
 *   certtrack track withdraw --db PATH --track ID --reason TEXT
 * The changes are the actions of actions/tracks.h, done by the system: a refusal names
 * what is wrong (exit 2) and changes nothing.
 */
#ifndef CERTTRACK_CLI_TRACK_H
#define CERTTRACK_CLI_TRACK_H

/* certtrack track: list, choices, enrol, withdraw. argv[0] is "track", its verb and
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_track(int argc, char **argv);

struct cli_person;

/* For a command about one person's track with --track: replaces person's current track
 * (cli_args.h) by the track numbered track_text (borrowed; NULL keeps the current one),
 * which must be the person's. Returns -1, or the exit code after printing the error
 * (the caller still closes person). */
int cli_track_pick(struct cli_person *person, const char *track_text);

#endif
