/*
 * textfield: the one rule every text value must pass before likely stores
 * or writes it, wherever it comes from (a page, a configuration file, a
 * manifest, the command line, an imported ledger): valid UTF-8, no NUL or
 * other control character (U+0000..U+001F, U+007F) except, where the
 * field may span lines, tab, line feed and a carriage return before a line
 * feed; and, where the field is required, not empty or only white space.
 * Because the same rule guards import, every ledger likely writes is one
 * it can import.
 */
#ifndef LIKELY_TEXTFIELD_H
#define LIKELY_TEXTFIELD_H

#include <stddef.h>

enum {
	TEXTFIELD_REQUIRED = 1,  /* not empty, not only white space */
	TEXTFIELD_MULTILINE = 2, /* tab, LF and CR LF allowed */
};

/*
 * Checks s[0..len).  Returns NULL when it passes, else a static
 * description of the first problem ("not valid UTF-8", "contains a
 * control character", ...).
 */
const char *textfield_check(const char *s, size_t len, unsigned flags);
/* The same for a NUL-terminated string. */
const char *textfield_check_str(const char *s, unsigned flags);

#endif
