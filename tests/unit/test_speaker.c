/*
 * Test plan (speaker): a raw speaker span becomes a name (affiliation,
 * "of the", place, legal form, leading article and title dropped,
 * "Analysts at X" -> X, a role before the name skipped), (unnamed) for a
 * source without a proper name or a poll, a pronoun or "the survey"
 * carrying the last named speaker, a surname expanding to the first full
 * mention; a clause the rules took for a speaker is none; the fallbacks
 * for an apposition and a last ", X estimate" clause; the masthead (an
 * all-capitals line, a metadata publisher, a navigation line refused);
 * the research note's "we"; headline attributions; and the normalised
 * form that scoring groups by.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/extract/speaker.h"

/* The speaker of sentence s whose raw speaker is the first occurrence of
 * span in it ("" for none). */
static const char *who(struct speaker_state *st, const char *s, const char *span,
		       const char *block, struct buf *out)
{
	size_t a = 0, b = 0;
	if (*span) {
		const char *at = strstr(s, span);
		assert_non_null(at);
		a = (size_t)(at - s);
		b = a + strlen(span);
	}
	speaker_forecast(st, s, strlen(s), a, b, block, out);
	speaker_sentence(st, s, strlen(s), false, true, true);
	return out->data;
}

static void test_spans(void **state)
{
	(void)state;
	struct speaker_state *st = speaker_new();
	struct buf b;
	buf_init(&b);
	speaker_article(st);
	assert_string_equal(who(st, "Rates will rise, said Irina Volk, chief economist at X Capital.",
				"Irina Volk, chief economist at X Capital", "", &b), "Irina Volk");
	assert_string_equal(who(st, "Rates will fall, she added.", "she", "", &b), "Irina Volk");
	assert_string_equal(who(st, "Sergei Lamin of the Volga Centre forecasts 4% inflation.",
				"Sergei Lamin of the Volga Centre", "", &b), "Sergei Lamin");
	assert_string_equal(who(st, "Analysts at Grendel Securities expect a cut.",
				"Analysts at Grendel Securities", "", &b), "Grendel Securities");
	assert_string_equal(who(st, "Growth will slow, according to the Institut für Analyse in Bonn.",
				"the Institut für Analyse in Bonn", "", &b), "Institut für Analyse");
	assert_string_equal(who(st, "Prices will fall, said Vesta Partners plc.",
				"Vesta Partners plc", "", &b), "Vesta Partners");
	assert_string_equal(who(st, "Ratings will fall, according to Moody's.",
				"Moody's", "", &b), "Moody's");
	assert_string_equal(who(st, "Political scientist Ilse Dorn expects a deal.",
				"Political scientist Ilse Dorn", "", &b), "Ilse Dorn");
	assert_string_equal(who(st, "Most economists expect a cut.", "Most economists", "", &b),
			    "(unnamed)");
	assert_string_equal(who(st, "The ruble will weaken, analysts polled by NovaPress said.",
				"analysts polled by NovaPress", "", &b), "(unnamed)");
	assert_string_equal(who(st, "\"It will not happen,\" Volk said.", "Volk", "", &b),
			    "Irina Volk");
	/* a clause is no speaker: the article's voice, or the block's expert */
	assert_string_equal(who(st, "X believes the party could win.", "the party could win", "",
				&b), "");
	assert_string_equal(who(st, "Talks will stall.", "", "Karin Voll", &b), "Karin Voll");
	/* "Fed seen holding": the subject of a passive */
	assert_string_equal(who(st, "Fed seen holding rates", "Fed", "", &b), "");
	buf_release(&b);
	speaker_free(st);
}

static void test_carry_and_fallbacks(void **state)
{
	(void)state;
	struct speaker_state *st = speaker_new();
	struct buf b;
	buf_init(&b);
	speaker_article(st);
	/* a pronoun with nobody named before */
	assert_string_equal(who(st, "It will rain, he said.", "he", "", &b), "(unnamed)");
	/* named in a sentence that is no forecast */
	speaker_paragraph(st);
	speaker_sentence(st, "Anna Berg, who heads X, said the data were weak.", 48, false, true, true);
	assert_string_equal(who(st, "According to her, rates will fall.", "her", "", &b),
			    "Anna Berg");
	/* a name, an apposition, a verb */
	assert_string_equal(who(st, "Aida Sultan, an analyst at Y Desk, expects a meeting.", "", "",
				&b), "Aida Sultan");
	/* "the survey" is whoever a survey was named with, not the last speaker */
	assert_string_equal(who(st, "Jobs will grow, according to a survey by Pulse Research.",
				"a survey by Pulse Research", "", &b), "Pulse Research");
	assert_string_equal(who(st, "It will rain, said Karl Aho.", "Karl Aho", "", &b), "Karl Aho");
	assert_string_equal(who(st, "Wages will rise, the survey said.", "the survey", "", &b),
			    "Pulse Research");
	assert_string_equal(who(st, "Prices will rise, the analyst said.", "the analyst", "", &b),
			    "Karl Aho");
	assert_string_equal(who(st, "He is sceptical: in his view, talks will fail.", "", "", &b),
			    "Karl Aho");
	/* a surname with a speech verb, in a sentence that is no forecast */
	speaker_paragraph(st);
	speaker_sentence(st, "Then Sultan told reporters.", 27, false, true, true);
	assert_string_equal(who(st, "He added that rates will fall.", "He", "", &b), "Aida Sultan");
	/* a last clause ", X estimate." */
	assert_string_equal(who(st, "Storage will reach 90%, analysts at Nordgas Consulting estimate.",
				"", "", &b), "Nordgas Consulting");
	/* the reporting verbs are the cue rules' (cue_vocab): "cautioned",
	 * "reckons", "anticipates" attribute as "said" does */
	assert_string_equal(who(st, "Lena Moor, an economist at Q Bank, cautioned that rates will rise.",
				"", "", &b), "Lena Moor");
	assert_string_equal(who(st, "Rates will rise, economists at Vesta Partners reckon.",
				"", "", &b), "Vesta Partners");
	buf_release(&b);
	speaker_free(st);
}

static void test_masthead_and_voice(void **state)
{
	(void)state;
	struct speaker_state *st = speaker_new();
	const char *page = "\n  HALDEN BANK  |  Macro Research\nWeekly\n";
	speaker_page_head(st, page, strlen(page));
	assert_string_equal(speaker_publisher(st), "Halden Bank");
	speaker_article(st);
	assert_false(speaker_note_voice(st));
	speaker_sentence(st, "\"We expect a cut,\" he said.", 27, false, true, true);
	assert_false(speaker_note_voice(st)); /* quoted: someone else's we */
	speaker_sentence(st, "In our assessment, X is not going to win.", 41, false, true, true);
	assert_false(speaker_note_voice(st)); /* an outlet's view */
	speaker_sentence(st, "We see inflation falling.", 25, false, true, true);
	assert_true(speaker_note_voice(st));
	speaker_article(st);
	speaker_sentence(st, "We anticipate two cuts.", 23, false, true, true);
	assert_true(speaker_note_voice(st)); /* any forecasting verb */
	speaker_article(st);
	assert_false(speaker_note_voice(st));
	speaker_free(st);

	st = speaker_new();
	page = "CENTRAL BANK OF ARMENIA\n";
	speaker_page_head(st, page, strlen(page));
	assert_string_equal(speaker_publisher(st), "Central Bank of Armenia");
	struct buf b;
	buf_init(&b);
	speaker_article(st);
	/* the start of the masthead's name expands to it */
	assert_string_equal(who(st, "According to the Central Bank's forecast, prices will fall.",
				"the Central Bank's forecast", "", &b), "Central Bank of Armenia");
	buf_release(&b);
	speaker_free(st);

	st = speaker_new();
	page = "<html><script>{\"publisher\":{\"@type\":\"Organization\",\"name\":\"Kestrel Energy\"}}";
	speaker_page_head(st, page, strlen(page));
	assert_string_equal(speaker_publisher(st), "Kestrel Energy");
	speaker_free(st);

	st = speaker_new();
	page = "Home / Analytics / Belarus in brief\n";
	speaker_page_head(st, page, strlen(page));
	assert_string_equal(speaker_publisher(st), "");
	speaker_free(st);
}

static void test_headlines(void **state)
{
	(void)state;
	const char *h = "Port strike unlikely before autumn \xe2\x80\x93 consultancy";
	assert_true(speaker_headline_attributed(h, strlen(h), ""));
	h = "NDA could cross 350 seats - survey";
	assert_true(speaker_headline_attributed(h, strlen(h), ""));
	h = "Run-off possible, analysts say";
	assert_true(speaker_headline_attributed(h, strlen(h), "(unnamed)"));
	h = "Minsk to keep up military activity";
	assert_false(speaker_headline_attributed(h, strlen(h), ""));
	assert_false(speaker_headline_attributed(h, strlen(h), "Anna Berg"));
}

static void test_normalise(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	speaker_normalise("  Dr.  Anna   Berg, Delta Institute ", &b);
	assert_string_equal(b.data, "Anna Berg");
	speaker_normalise("Prof. Dr. Jan Roos", &b);
	assert_string_equal(b.data, "Jan Roos");
	speaker_normalise("(unnamed)", &b);
	assert_string_equal(b.data, "(unnamed)");
	speaker_normalise("", &b);
	assert_string_equal(b.data, "");
	assert_true(speaker_same("Anna Berg", "anna berg"));
	assert_false(speaker_same("Anna Berg", "Anna Bergh"));
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_carry_and_fallbacks),
		cmocka_unit_test(test_masthead_and_voice),
		cmocka_unit_test(test_headlines),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
