/*
 * banned.h: functions that certtrack's code may not call.
 *
 * Include it last, after every system header, in each .c file. A call to a banned
 * function then fails to compile with an error that names the function.
 *   strcpy, strcat, strncpy, sprintf, vsprintf: unbounded or silently truncating
 *     writes; use struct buf or snprintf.
 *   strtok: hidden static state.
 *   gmtime, localtime: static result buffers; use the _r forms.
 *   atoi: no error reporting; use strtol with checks.
 */
#ifndef CERTTRACK_BANNED_H
#define CERTTRACK_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef atoi
#define atoi(s) BANNED(atoi)

#endif
