/*
 * role: the roles a person holds, in one table: the bit each is kept as in memory, the
 * name it is stored and sent under ("ce-coordinator"), and the words people read ("CE
 * coordinator"). The database's person_roles.role holds the names.
 */
#ifndef CERTTRACK_ROLE_H
#define CERTTRACK_ROLE_H

#include <stddef.h>

enum role_bit {
    ROLE_LEARNER = 1u << 0,
    ROLE_SUPERVISOR = 1u << 1,
    ROLE_LIBRARY_ADMINISTRATOR = 1u << 2,
    ROLE_CE_COORDINATOR = 1u << 3,
    ROLE_CONSULTANT = 1u << 4,
};

/* The names roles are stored under (person_roles.role). */
#define ROLE_NAME_LEARNER               "learner"
#define ROLE_NAME_SUPERVISOR            "supervisor"
#define ROLE_NAME_LIBRARY_ADMINISTRATOR "library-administrator"
#define ROLE_NAME_CE_COORDINATOR        "ce-coordinator"
#define ROLE_NAME_CONSULTANT            "consultant"

/* Every role bit at once: what the system (a command run without --as) may do. */
#define ROLE_ALL 0x1fu

struct role {
    enum role_bit bit;
    const char *name;  /* stored and sent: "library-administrator" */
    const char *label; /* read by people: "Library administrator" */
};

/* The roles, in the order of their bits (ROLE_COUNT of them). */
#define ROLE_COUNT 5
extern const struct role role_table[ROLE_COUNT];

/* The bit of the role named name, or 0 when no role has that name. */
unsigned role_bit_of(const char *name);

/* The role of bit (one bit), or NULL when bit is not one role. */
const struct role *role_of_bit(unsigned bit);

#endif
