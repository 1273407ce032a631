/*
 * cli: looking up a command's options, shared by the dispatcher (which
 * parses) and the commands (which ask what was given).
 */
#include "likely/cli.h"

#include <string.h>

#include "likely/suggest.h"

/* Index of option `name` in the spec list, comparing the canonical name
 * (before ',' or '=') or the short alias (after ','). */
int cli_find_option(const char *const *spec, const char *name, size_t len,
		       bool is_short)
{
	for (int i = 0; spec[i]; i++) {
		const char *s = spec[i];
		size_t canon = strcspn(s, ",=");
		if (!is_short && canon == len && strncmp(s, name, len) == 0)
			return i;
		if (is_short && s[canon] == ',' && strncmp(s + canon + 1, name, len) == 0 &&
		    (s[canon + 1 + len] == '=' || s[canon + 1 + len] == '\0'))
			return i;
	}
	return -1;
}

bool cli_takes_value(const char *spec)
{
	return spec[strlen(spec) - 1] == '=';
}

void cli_offer_options(const char *const *spec, struct suggest *s)
{
	for (int i = 0; spec[i]; i++)
		suggest_offer(s, spec[i], strcspn(spec[i], ",="));
}

static int find_by_canonical(const char *const *spec, const char *name)
{
	return cli_find_option(spec, name, strlen(name), false);
}

bool args_has(const struct cmd_args *a, const char *name)
{
	int i = find_by_canonical(a->options, name);
	return i >= 0 && a->seen[i];
}

const char *args_get(const struct cmd_args *a, const char *name)
{
	int i = find_by_canonical(a->options, name);
	return i >= 0 ? a->value[i] : NULL;
}

