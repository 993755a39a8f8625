/*
 * text_key: comparison keys for free text that people type.
 *
 * Presentation topics match "case-insensitively after trimming": the key of a text is
 * the text with leading and trailing white space removed, case-folded and normalized
 * (Unicode NFC) with GNU libunistring, so that "  Intro to Cataloging" and
 * "INTRO TO CATALOGING " and "Éducation"/"ÉDUCATION" (composed or not) share one key.
 */
#ifndef CERTTRACK_TEXT_KEY_H
#define CERTTRACK_TEXT_KEY_H

#include "arena.h"
#include "err.h"

/* Sets *out to the key of the UTF-8 text, allocated in arena. Fails only when memory
 * runs out or the text is not valid UTF-8 (CT_ERR_INPUT). */
enum ct_status text_key_make(const char *text, struct arena *arena, const char **out) CT_MUST_CHECK;

/* Sets *out (the caller frees it) to the search key of the UTF-8 text: case-folded and
 * without accents (decomposed, combining marks dropped), so that "Élodie", "elodie" and
 * "ELODIE" share one key. Fails when memory runs out or the text is not valid UTF-8
 * (CT_ERR_INPUT). */
enum ct_status text_key_search(const char *text, char **out) CT_MUST_CHECK;

#endif
