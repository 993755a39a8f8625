#include "role.h"

#include <string.h>

#include "banned.h"

const struct role role_table[ROLE_COUNT] = {
    {ROLE_LEARNER, ROLE_NAME_LEARNER, "Learner"},
    {ROLE_SUPERVISOR, ROLE_NAME_SUPERVISOR, "Supervisor"},
    {ROLE_LIBRARY_ADMINISTRATOR, ROLE_NAME_LIBRARY_ADMINISTRATOR, "Library administrator"},
    {ROLE_CE_COORDINATOR, ROLE_NAME_CE_COORDINATOR, "CE coordinator"},
    {ROLE_CONSULTANT, ROLE_NAME_CONSULTANT, "Consultant"},
};

unsigned role_bit_of(const char *name)
{
    for (size_t i = 0; name != NULL && i < ROLE_COUNT; i++) {
        if (strcmp(role_table[i].name, name) == 0) {
            return role_table[i].bit;
        }
    }
    return 0;
}

const struct role *role_of_bit(unsigned bit)
{
    for (size_t i = 0; i < ROLE_COUNT; i++) {
        if (role_table[i].bit == bit) {
            return &role_table[i];
        }
    }
    return NULL;
}
