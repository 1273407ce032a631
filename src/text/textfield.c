/*
 * textfield: see the header.  One pass for the control characters, which
 * also finds the first byte past ASCII, then the UTF-8 validator from
 * there (most fields are ASCII throughout: none); both are cheap next to
 * anything done with the text.
 */
#include "likely/text/textfield.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "likely/text/text.h"
#include "likely/base/utf8.h"

static bool blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			i++; /* no-break space */
			continue;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return false;
	}
	return true;
}

const char *textfield_check(const char *s, size_t len, unsigned flags)
{
	bool multi = flags & TEXTFIELD_MULTILINE;
	/* where the first byte past ASCII is (len: none), from which on the
	 * UTF-8 validator has to look: most fields are ASCII throughout */
	size_t high = len;
	for (size_t i = 0; i < len; i++) {
		/* every field of every record written or read comes here:
		 * eight bytes at a time while none is a control character */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (text_word_has_control(w))
				break;
			if (high == len && (w & UINT64_C(0x8080808080808080)))
				high = i;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 && high == len)
			high = i;
		if (c >= 0x20 && c != 0x7F)
			continue;
		if (c == 0)
			return "contains a NUL byte";
		if (multi &&
		    (c == '\t' || c == '\n' || (c == '\r' && i + 1 < len && s[i + 1] == '\n')))
			continue;
		if (multi && c == '\r')
			return "contains a carriage return without a line feed";
		if (c == '\n' || c == '\r')
			return "contains a line break (this field is one line)";
		return multi ? "contains a control character (only tab and line breaks "
			       "are allowed)"
			     : "contains a control character";
	}
	if (high < len && !utf8_valid(s + high, len - high, NULL))
		return "not valid UTF-8";
	if ((flags & TEXTFIELD_REQUIRED) && blank(s, len))
		return "empty";
	return NULL;
}

const char *textfield_check_str(const char *s, unsigned flags)
{
	return textfield_check(s, strlen(s), flags);
}
