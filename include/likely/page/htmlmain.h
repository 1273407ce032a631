/*
 * htmlmain: what of an HTML page is its main text (issue 9, item 3).
 *
 * The HTML source (html.c) streams the page through libxml2's SAX parser
 * and asks these rules, element by element and block by block, without
 * ever holding the page: an element judged boilerplate is dropped with
 * everything inside it, and a block of text is dropped when it is made of
 * links (the link-density test Readability and trafilatura apply to
 * their candidate blocks, here applied to each block as it closes).
 *
 * Elements dropped whole:
 *   - never text: script, style, noscript, template, svg, math, iframe,
 *     object, canvas, form and its controls (input, button, select,
 *     textarea, label), figcaption;
 *   - navigation and page furniture: nav, aside; a footer outside an
 *     <article> or <main> (a <header> is kept: it may hold the headline,
 *     byline and date; its navigation and links go by the other rules);
 *   - hidden: the hidden attribute, aria-hidden="true", an inline style
 *     with display:none or visibility:hidden;
 *   - ARIA landmarks that are not the text: role navigation, banner,
 *     contentinfo, complementary, search, dialog, menu;
 *   - by class or id, split into words at any non-letter: navigation,
 *     menus, breadcrumbs, sidebars, related and recommended lists, share
 *     and social widgets, subscribe and newsletter boxes, cookie and
 *     consent banners, comment sections, ads, popups (the table in
 *     htmlmain.c; the strong words also at the start of a glued word:
 *     "relatedposts", "sharedaddy").  A "strong" word drops the element always; a weak one
 *     only when no content word (article, content, entry, post, story,
 *     body, main, text) stands beside it, so "entry-header" and
 *     "post-meta" are kept and "site-header" is not.  html, body, main
 *     and article are never dropped by class.
 * Blocks dropped: mostly link text (at least 80% of its bytes inside
 * <a>, or half with two links or more) -- lists of related headlines,
 * tag lists, "More on this topic" boxes -- unless the block is a byline
 * ("By <a>Name</a>") or a top-level headline.
 */
#ifndef LIKELY_HTMLMAIN_H
#define LIKELY_HTMLMAIN_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the element, with all it holds, is boilerplate.  name is the
 * lower-case tag name; attrs NULL or a NULL-terminated list of name,
 * value pairs (a value may be NULL); in_article: an <article> or <main>
 * is open around it. */
bool htmlmain_drop_element(const char *name, const char *const *attrs, bool in_article);
/* Whether a closed block of text is kept: link_bytes of its len bytes
 * were inside links, and it held links links.  heading: an <h1>/<h2>. */
bool htmlmain_keep_block(const char *text, size_t len, size_t link_bytes, unsigned links,
			 bool heading);
/* Whether the element ends the line of text before it and after it
 * (block-level: p, div, li, h1-h6, td, ...). */
bool htmlmain_is_block(const char *name);

#endif
