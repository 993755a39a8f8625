/*
 * access: who may see whose record, decided from the data: a person their own; the CE
 * coordinator anyone's; a supervisor or library administrator the people of their
 * library; a consultant the people of the libraries assigned to them (library_consultants).
 * The same for a library itself.
 */
#ifndef CERTTRACK_ACTIONS_ACCESS_H
#define CERTTRACK_ACTIONS_ACCESS_H

#include "action.h"

/* *allowed tells whether actor may see person_id's record (false for no such person). */
enum ct_status access_may_see_person(struct store *store, const struct actor *actor,
                                     int64_t person_id, bool *allowed,
                                     struct ct_err *err) CT_MUST_CHECK;

/* *allowed tells whether actor may see library library_id: the coordinator any; a
 * supervisor or library administrator their own; a consultant those they serve. */
enum ct_status access_may_see_library(struct store *store, const struct actor *actor,
                                      int64_t library_id, bool *allowed,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
