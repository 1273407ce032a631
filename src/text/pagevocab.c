/*
 * pagevocab: the page reader's word tables (see pagevocab.h).  Adding a
 * language or an outlet's label is adding a line here, and a line of
 * test data under tests/extract/.
 */
#include "likely/text/pagevocab.h"

#include <string.h>

#include "likely/text/text.h"

/* Abbreviations take an optional "." in the date parser, not here. */
/* clang-format off */
const struct vocab_entry vocab_months[] = {
	{"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2},
	{"march", 3}, {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5},
	{"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8},
	{"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9},
	{"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11},
	{"december", 12}, {"dec", 12},
	/* Russian: nominative, genitive ("28 марта"), abbreviations */
	{"январь", 1}, {"января", 1}, {"янв", 1}, {"февраль", 2},
	{"февраля", 2}, {"фев", 2}, {"март", 3}, {"марта", 3}, {"мар", 3},
	{"апрель", 4}, {"апреля", 4}, {"апр", 4}, {"май", 5}, {"мая", 5},
	{"июнь", 6}, {"июня", 6}, {"июн", 6}, {"июль", 7}, {"июля", 7},
	{"июл", 7}, {"август", 8}, {"августа", 8}, {"авг", 8},
	{"сентябрь", 9}, {"сентября", 9}, {"сен", 9}, {"сент", 9},
	{"октябрь", 10}, {"октября", 10}, {"окт", 10}, {"ноябрь", 11},
	{"ноября", 11}, {"ноя", 11}, {"декабрь", 12}, {"декабря", 12},
	{"дек", 12},
	/* Belarusian */
	{"студзень", 1}, {"студзеня", 1}, {"люты", 2}, {"лютага", 2},
	{"сакавік", 3}, {"сакавіка", 3}, {"красавік", 4}, {"красавіка", 4},
	{"травень", 5}, {"траўня", 5}, {"чэрвень", 6}, {"чэрвеня", 6},
	{"ліпень", 7}, {"ліпеня", 7}, {"жнівень", 8}, {"жніўня", 8},
	{"верасень", 9}, {"верасня", 9}, {"кастрычнік", 10},
	{"кастрычніка", 10}, {"лістапад", 11}, {"лістапада", 11},
	{"снежань", 12}, {"снежня", 12},
	/* Ukrainian */
	{"січень", 1}, {"січня", 1}, {"лютий", 2}, {"лютого", 2},
	{"березень", 3}, {"березня", 3}, {"квітень", 4}, {"квітня", 4},
	{"травня", 5}, {"червень", 6}, {"червня", 6}, {"липень", 7},
	{"липня", 7}, {"серпень", 8}, {"серпня", 8}, {"вересень", 9},
	{"вересня", 9}, {"жовтень", 10}, {"жовтня", 10}, {"листопад", 11},
	{"листопада", 11}, {"грудень", 12}, {"грудня", 12},
	{NULL, 0}};
/* clang-format on */

/* clang-format off */
const struct vocab_entry vocab_weekdays[] = {
	{"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
	{"friday", 5}, {"saturday", 6}, {"sunday", 7}, {"mon", 1},
	{"tue", 2}, {"tues", 2}, {"wed", 3}, {"thu", 4}, {"thur", 4},
	{"thurs", 4}, {"fri", 5}, {"sat", 6}, {"sun", 7},
	{"понедельник", 1}, {"вторник", 2}, {"среда", 3}, {"четверг", 4},
	{"пятница", 5}, {"суббота", 6}, {"воскресенье", 7},
	{"панядзелак", 1}, {"аўторак", 2}, {"серада", 3}, {"чацвер", 4},
	{"пятніца", 5}, {"субота", 6}, {"нядзеля", 7},
	{"понеділок", 1}, {"вівторок", 2}, {"середа", 3}, {"четвер", 4},
	{"п'ятниця", 5}, {"пʼятниця", 5}, {"п’ятниця", 5}, {"неділя", 7},
	{NULL, 0}};
/* clang-format on */

/* A page that prints both stamps is dated by the publication one. */
/* clang-format off */
const struct vocab_entry vocab_date_labels[] = {
	{"published", VOCAB_LABEL_PUBLISHED},
	{"first published", VOCAB_LABEL_PUBLISHED},
	{"publication date", VOCAB_LABEL_PUBLISHED},
	{"date published", VOCAB_LABEL_PUBLISHED},
	{"posted", VOCAB_LABEL_NEUTRAL}, {"added", VOCAB_LABEL_NEUTRAL},
	{"date", VOCAB_LABEL_NEUTRAL}, {"dated", VOCAB_LABEL_NEUTRAL},
	{"issued", VOCAB_LABEL_NEUTRAL}, {"released", VOCAB_LABEL_NEUTRAL},
	{"updated", VOCAB_LABEL_UPDATED}, {"last updated", VOCAB_LABEL_UPDATED},
	{"last modified", VOCAB_LABEL_UPDATED}, {"modified", VOCAB_LABEL_UPDATED},
	{"revised", VOCAB_LABEL_UPDATED},
	{"опубликовано", VOCAB_LABEL_PUBLISHED},
	{"дата публикации", VOCAB_LABEL_PUBLISHED},
	{"апублікавана", VOCAB_LABEL_PUBLISHED},
	{"опубліковано", VOCAB_LABEL_PUBLISHED},
	{"дата", VOCAB_LABEL_NEUTRAL}, {"добавлено", VOCAB_LABEL_NEUTRAL},
	{"обновлено", VOCAB_LABEL_UPDATED}, {"абноўлена", VOCAB_LABEL_UPDATED},
	{"оновлено", VOCAB_LABEL_UPDATED},
	{NULL, 0}};
/* clang-format on */

/* "3 March 2021 at 10:15", "03.03.2021 в 10:15" */
const struct vocab_entry vocab_time_leads[] = {{"at", 0}, {"в", 0}, {"о", 0}, {NULL, 0}};

/* "28 марта 2021 г.", "2021 года" */
const struct vocab_entry vocab_year_marks[] = {{"г.", 0},   {"г", 0},    {"года", 0},
					       {"гады", 0}, {"року", 0}, {NULL, 0}};

/* clang-format off */
const struct vocab_entry vocab_byline_labels[] = {
	{"by", 0}, {"written by", 0}, {"posted by", 0}, {"words by", 0},
	{"текст:", 0}, {"author:", 0}, {"authors:", 0},
	{"автор:", 0}, {"авторы:", 0}, {"аўтар:", 0}, {"автори:", 0},
	{NULL, 0}};
/* clang-format on */

/* Particles and conjunctions between the words of names. */
/* clang-format off */
const struct vocab_entry vocab_name_joiners[] = {
	{"de", 0}, {"da", 0}, {"del", 0}, {"van", 0}, {"von", 0},
	{"der", 0}, {"al", 0}, {"bin", 0}, {"di", 0}, {"le", 0}, {"la", 0},
	{"and", 0}, {"&", 0}, {"и", 0}, {"і", 0}, {"та", 0},
	{NULL, 0}};
/* clang-format on */

/* Words that make the part after a byline's comma an outlet or a role
 * ("Black Sea Wire", "Senior Economist"), not a second author: outlets
 * here, roles and institutions in vocab_affiliation. */
/* clang-format off */
const struct vocab_entry vocab_outlet[] = {
	{"the", 0}, {"wire", 0}, {"press", 0}, {"news", 0}, {"agency", 0},
	{"media", 0}, {"service", 0}, {"daily", 0}, {"weekly", 0},
	{"times", 0}, {"post", 0}, {"journal", 0}, {"review", 0},
	{"radio", 0}, {"tv", 0},
	{NULL, 0}};
/* clang-format on */

/* Roles and institutions: what an expert's "Name: role" line names. */
/* clang-format off */
const struct vocab_entry vocab_affiliation[] = {
	{"economist", 0}, {"analyst", 0},
	{"strategist", 0}, {"correspondent", 0}, {"contributor", 0},
	{"editor", 0}, {"reporter", 0}, {"writer", 0}, {"columnist", 0},
	{"fellow", 0}, {"director", 0}, {"professor", 0}, {"researcher", 0},
	{"head", 0}, {"chief", 0}, {"senior", 0}, {"staff", 0},
	{"lecturer", 0}, {"expert", 0}, {"adviser", 0}, {"advisor", 0},
	{"former", 0}, {"associate", 0}, {"partner", 0}, {"founder", 0},
	{"programme", 0}, {"program", 0}, {"council", 0}, {"school", 0},
	{"college", 0}, {"academy", 0}, {"observatory", 0}, {"forum", 0},
	{"policy", 0}, {"studies", 0}, {"consulting", 0}, {"capital", 0},
	{"institute", 0}, {"centre", 0}, {"center", 0}, {"university", 0},
	{"bank", 0}, {"research", 0}, {"group", 0}, {"foundation", 0},
	{NULL, 0}};
/* clang-format on */

/* Photo, image and source credits, in several scripts. */
/* clang-format off */
const struct vocab_entry vocab_credits[] = {
	{"photo:", 0}, {"photo by", 0}, {"photos:", 0}, {"photo credit", 0},
	{"photograph:", 0}, {"image:", 0}, {"images:", 0}, {"picture:", 0},
	{"illustration:", 0}, {"source:", 0}, {"credit:", 0},
	{"credits:", 0}, {"video:", 0}, {"caption:", 0}, {"(photo", 0},
	{"image credit", 0}, {"image source", 0},
	{"фото", 0}, {"фота", 0}, {"источник", 0}, {"крыніца", 0},
	{"иллюстрация", 0}, {"ілюстрацыя", 0}, {"джерело", 0},
	{NULL, 0}};
/* clang-format on */

/* Lines that are page furniture whatever follows them. */
/* clang-format off */
const struct vocab_entry vocab_boiler[] = {
	{"read more:", 0}, {"read also:", 0}, {"see also:", 0},
	{"tags:", 0}, {"share:", 0}, {"share this", 0}, {"share on", 0},
	{"advertisement", 0}, {"copyright", 0}, {"©", 0},
	{"follow us", 0}, {"print this", 0}, {"we use cookies", 0},
	{"this website uses cookies", 0}, {"this site uses cookies", 0},
	{"accept cookies", 0}, {"accept all cookies", 0},
	{"cookie settings", 0}, {"sign in", 0}, {"log in", 0},
	{"skip to content", 0}, {"skip to main content", 0},
	{"back to top", 0}, {"min read", 0}, {"views:", 0},
	{"поделиться", 0}, {"теги:", 0}, {"падзяліцца", 0},
	{NULL, 0}};
/* clang-format on */

const struct vocab_entry vocab_boiler_inside[] = {{"all rights reserved", 0},
						  {"все права защищены", 0},
						  {"усе правы абаронены", 0},
						  {NULL, 0}};

/* Status labels of monitoring pages ("The situation has not changed"). */
const struct vocab_entry vocab_status[] = {
	{"the situation ", 0}, {"situation has", 0}, {"status ", 0}, {NULL, 0}};
const struct vocab_entry vocab_status_inside[] = {{"status:", 0}, {NULL, 0}};

/* clang-format off */
const struct vocab_entry vocab_newsletter[] = {
	{"newsletter", 0}, {"subscribed", 0}, {"subscribe", 0},
	{"sign up", 0}, {"unsubscribe", 0}, {"подписаться", 0},
	{"падпісацца", 0},
	{NULL, 0}};
/* clang-format on */

/* The paragraph after a newsletter line is dropped when it speaks of
 * these. */
/* clang-format off */
const struct vocab_entry vocab_subscription[] = {
	{"newsletter", 0}, {"subscri", 0}, {"week", 0}, {"commentar", 0},
	{"e-mail", 0}, {"email", 0}, {"inbox", 0}, {"digest", 0},
	{NULL, 0}};
/* clang-format on */

/* Embedded articles follow these. */
/* clang-format off */
const struct vocab_entry vocab_related[] = {
	{"similar articles", 0}, {"related articles", 0}, {"related", 0},
	{"related news", 0}, {"related stories", 0}, {"related posts", 0},
	{"related content", 0}, {"related reading", 0}, {"read more", 0},
	{"read also", 0}, {"also read", 0}, {"see also", 0},
	{"more on this topic", 0}, {"more on the topic", 0},
	{"more on this subject", 0}, {"more articles", 0}, {"more news", 0},
	{"more stories", 0}, {"other articles", 0}, {"other news", 0},
	{"latest news", 0}, {"latest articles", 0}, {"recommended", 0},
	{"recommended articles", 0}, {"you may also like", 0},
	{"you might also like", 0}, {"you may be interested", 0},
	{"most read", 0}, {"most popular", 0}, {"popular articles", 0},
	{"further reading", 0}, {"read next", 0}, {"what to read next", 0},
	{"more from the author", 0}, {"more by this author", 0},
	{"more from this author", 0}, {"editor's picks", 0},
	{"editors' picks", 0}, {"trending", 0}, {"trending now", 0},
	{"читайте также", 0}, {"по теме", 0},
	{"чытайце таксама", 0}, {"па тэме", 0},
	{NULL, 0}};
/* clang-format on */

/* Reader comments start here: nothing after them is the article's. */
/* clang-format off */
const struct vocab_entry vocab_comments[] = {
	{"leave a reply", 0}, {"leave a comment", 0}, {"comments", 0},
	{"reader comments", 0}, {"readers' comments", 0},
	{"add a comment", 0}, {"post a comment", 0}, {"add comment", 0},
	{"join the discussion", 0}, {"join the conversation", 0},
	{"show comments", 0}, {"view comments", 0},
	{"comments are closed", 0}, {"comments closed", 0},
	{"комментарии", 0}, {"каментары", 0}, {"коментарі", 0},
	{"оставить комментарий", 0},
	{NULL, 0}};
/* clang-format on */

/* "12 comments", "3 responses to ...", "1 thought on ..." */
/* clang-format off */
const struct vocab_entry vocab_count_nouns[] = {
	{"comments", 0}, {"comment", 0}, {"responses", 0}, {"response", 0},
	{"replies", 0}, {"reply", 0}, {"thoughts on", 0}, {"thought on", 0},
	{"комментариев", 0}, {"комментария", 0}, {"комментарий", 0},
	{NULL, 0}};
/* clang-format on */

void vocab_lower(const char *s, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z') {
			out[i] = (char)(c + 32);
			continue;
		}
		if (c == 0xD0 && i + 1 < len) {
			unsigned char d = (unsigned char)s[i + 1];
			if (d >= 0x90 && d <= 0x9F) { /* А..П */
				out[i] = (char)0xD0;
				out[i + 1] = (char)(d + 0x20);
			} else if (d >= 0xA0 && d <= 0xAF) { /* Р..Я */
				out[i] = (char)0xD1;
				out[i + 1] = (char)(d - 0x20);
			} else if (d >= 0x80 && d <= 0x8F) { /* Ё, І, Ї, Є, Ў */
				out[i] = (char)0xD1;
				out[i + 1] = (char)(d + 0x10);
			} else {
				out[i] = (char)c;
				out[i + 1] = (char)d;
			}
			i++;
			continue;
		}
		if (c == 0xD2 && i + 1 < len && (unsigned char)s[i + 1] == 0x90) {
			out[i] = (char)c; /* Ґ */
			out[i + 1] = (char)0x91;
			i++;
			continue;
		}
		out[i] = (char)c;
	}
}

#define LOWER_MAX 64 /* longer than any entry */

static bool boundary_after(const char *word, size_t n, const char *s, size_t len)
{
	size_t k;
	unsigned char last = (unsigned char)word[n - 1];
	if (n == len)
		return true;
	/* "author:", "(photo", "©": the entry ends in punctuation */
	if (last < 0x80 && !((last | 32) >= 'a' && (last | 32) <= 'z'))
		return true;
	return !text_is_wordchar(s + n, len - n, &k);
}

size_t vocab_prefix(const struct vocab_entry *t, const char *s, size_t len, int *value)
{
	char low[LOWER_MAX];
	size_t n = len < LOWER_MAX ? len : LOWER_MAX, best = 0, k;
	if (n == 0)
		return 0;
	/* every line is asked about several tables: its first character,
	 * lowered alone, rules out most of them before the rest is lowered */
	vocab_lower(s, n < 2 ? n : 2, low);
	for (k = 0; t[k].word && t[k].word[0] != low[0]; k++)
		;
	if (!t[k].word)
		return 0;
	vocab_lower(s, n, low);
	for (; t[k].word; k++) {
		const char *w = t[k].word;
		if (w[0] != low[0])
			continue;
		size_t wl = strlen(w);
		if (wl <= best || wl > n || memcmp(low, w, wl) != 0 ||
		    !boundary_after(w, wl, s, len))
			continue;
		best = wl;
		if (value)
			*value = t[k].value;
	}
	return best;
}

bool vocab_whole(const struct vocab_entry *t, const char *s, size_t len)
{
	char low[LOWER_MAX];
	while (len && (s[len - 1] == ':' || s[len - 1] == '.'))
		len--;
	if (len == 0 || len > LOWER_MAX)
		return false;
	vocab_lower(s, len, low);
	for (size_t k = 0; t[k].word; k++)
		if (t[k].word[0] == low[0] && strlen(t[k].word) == len &&
		    memcmp(low, t[k].word, len) == 0)
			return true;
	return false;
}

bool vocab_abbreviation(const struct vocab_entry *t, const char *w, size_t n)
{
	for (size_t k = 0; t[k].word; k++) {
		if (strlen(t[k].word) != n || memcmp(t[k].word, w, n) != 0)
			continue;
		for (size_t j = 0; t[j].word; j++)
			if (t[j].value == t[k].value && strlen(t[j].word) > n &&
			    memcmp(t[j].word, w, n) == 0)
				return true;
	}
	return false;
}

bool vocab_contains(const struct vocab_entry *t, const char *s, size_t len)
{
	char low[400];
	if (len > sizeof low)
		return false;
	vocab_lower(s, len, low);
	for (size_t k = 0; t[k].word; k++) {
		size_t wl = strlen(t[k].word);
		for (size_t i = 0; i + wl <= len; i++)
			if (low[i] == t[k].word[0] && memcmp(low + i, t[k].word, wl) == 0)
				return true;
	}
	return false;
}
