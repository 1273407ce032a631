/*
 * htmlmain: the main-text rules (htmlmain.h).  Pure functions over tag
 * names, attributes and block statistics; the tables below are the whole
 * policy.
 */
#include "likely/page/htmlmain.h"

#include <string.h>
#include <strings.h>

#include "likely/page/page.h"

static bool in_list(const char *const *list, const char *s, size_t len)
{
	char c = (char)(s[0] | 0x20);
	for (size_t i = 0; list[i]; i++)
		if (list[i][0] == c && strlen(list[i]) == len && strncasecmp(list[i], s, len) == 0)
			return true;
	return false;
}

static bool in_list_z(const char *const *list, const char *s)
{
	return in_list(list, s, strlen(s));
}

/* clang-format off */
static const char *const never_text[] = {
	"script", "style", "noscript", "template", "svg", "math", "iframe",
	"object", "embed", "canvas", "form", "input", "button", "select",
	"textarea", "label", "option", "figcaption", "nav", "aside", "dialog",
	"head", NULL};
/* clang-format on */

/* clang-format off */
static const char *const blocks[] = {
	"address", "article", "aside", "blockquote", "body", "center", "dd",
	"details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
	"figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
	"hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
	"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
	"tr", "ul", "caption", "legend", "title", "br", NULL};
/* clang-format on */

/* class/id words that drop an element whatever stands beside them */
/* clang-format off */
static const char *const strong_words[] = {
	"comment", "comments", "respond", "replies", "disqus", "share",
	"sharing", "sharebar", "social", "subscribe", "subscription",
	"newsletter", "signup", "cookie", "cookies", "consent", "gdpr",
	"related", "recommended", "recirculation", "trending", "popular",
	"outbrain", "taboola", "advert", "advertisement", "ads", "ad",
	"sponsor", "sponsored", "promo", "popup", "modal", "breadcrumb",
	"breadcrumbs", "sidebar", "widget", "paywall", "skip", "pagination",
	"pager", "donate", "donation", NULL};
/* clang-format on */
/* word beginnings that drop an element as the strong words do, for the
 * words glued together in class names ("relatedposts", "sharedaddy",
 * "socialicons", "commentlist") */
/* clang-format off */
static const char *const strong_prefixes[] = {
	"related", "share", "social", "comment", "newsletter", "subscri",
	"cookie", "sponsor", "advert", "breadcrumb", "sidebar", "mostread",
	"popular", "recommend", NULL};
/* clang-format on */
/* ... but for these words */
static const char *const prefix_exceptions[] = {"shared", NULL};
/* ARIA landmarks that are not the main text */
static const char *const furniture_roles[] = {
	"navigation", "banner",      "contentinfo", "complementary", "search",
	"dialog",     "alertdialog", "menu",        "menubar",       NULL};
/* words that drop an element unless a content word stands beside them */
static const char *const weak_words[] = {
	"nav",    "navbar",  "navigation", "menu",   "header", "footer", "masthead", "banner",
	"topbar", "toolbar", "login",      "search", "tags",   "more",   "support",  NULL};
static const char *const content_words[] = {"article", "content", "entry", "post", "story",
					    "body",    "main",    "text",  NULL};

static bool starts_with_any(const char *const *list, const char *s, size_t len)
{
	for (size_t i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);
		if (n <= len && strncasecmp(list[i], s, n) == 0)
			return true;
	}
	return false;
}

/* Words of a class or id value: runs of ASCII letters. */
static void scan_words(const char *v, bool *strong, bool *weak, bool *content)
{
	size_t i = 0;
	while (v[i]) {
		while (v[i] && !((v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z'))
			i++;
		size_t st = i;
		while ((v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z')
			i++;
		if (i == st)
			continue;
		if (in_list(strong_words, v + st, i - st) ||
		    (starts_with_any(strong_prefixes, v + st, i - st) &&
		     !in_list(prefix_exceptions, v + st, i - st)))
			*strong = true;
		else if (in_list(weak_words, v + st, i - st))
			*weak = true;
		else if (in_list(content_words, v + st, i - st))
			*content = true;
	}
}

/* "display: none", "visibility:hidden" in an inline style */
static bool hidden_style(const char *v)
{
	char flat[256];
	size_t n = 0;
	for (size_t i = 0; v[i] && n + 1 < sizeof flat; i++)
		if (v[i] != ' ' && v[i] != '\t')
			flat[n++] = (char)(v[i] | 0x20);
	flat[n] = '\0';
	return strstr(flat, "display:none") || strstr(flat, "visibility:hidden");
}

bool htmlmain_drop_element(const char *name, const char *const *attrs, bool in_article)
{
	bool strong = false, weak = false, content = false;
	if (in_list_z(never_text, name))
		return true;
	/* a page's footer; not its <header>, which may hold the headline
	 * and byline above the article (its navigation, links and site
	 * names go by the other rules) */
	if (!in_article && strcmp(name, "footer") == 0)
		return true;
	bool structural = strcmp(name, "html") == 0 || strcmp(name, "body") == 0 ||
			  strcmp(name, "main") == 0 || strcmp(name, "article") == 0;
	for (size_t i = 0; attrs && attrs[i]; i += 2) {
		const char *a = attrs[i], *v = attrs[i + 1] ? attrs[i + 1] : "";
		if (strcasecmp(a, "hidden") == 0)
			return true;
		if (strcasecmp(a, "aria-hidden") == 0 && strcasecmp(v, "true") == 0)
			return true;
		if (strcasecmp(a, "style") == 0 && hidden_style(v))
			return true;
		if (!structural && strcasecmp(a, "role") == 0 && in_list_z(furniture_roles, v))
			return true;
		if (!structural && (strcasecmp(a, "class") == 0 || strcasecmp(a, "id") == 0))
			scan_words(v, &strong, &weak, &content);
	}
	return strong || (weak && !content);
}

bool htmlmain_keep_block(const char *text, size_t len, size_t link_bytes, unsigned links,
			 bool heading)
{
	if (!links || !len)
		return true;
	bool mostly = link_bytes * 10 >= len * 8;
	bool half = links >= 2 && link_bytes * 2 >= len;
	if (!mostly && !half)
		return true;
	if (heading)
		return true;
	/* "By <a>Anna Reed</a>": a byline, whatever its link */
	size_t ns, ne;
	if (page_classify(text, len, NULL, &ns, &ne) == PAGE_LINE_BYLINE)
		return true;
	return false;
}

bool htmlmain_is_block(const char *name)
{
	return in_list_z(blocks, name);
}
