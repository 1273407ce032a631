/*
 * cue_vocab: the built-in vocabulary of the forecast rules (see
 * include/likely/extract/cue_vocab.h).  The candidate pre-test is derived from it
 * (forecasting verbs, hedges and cue words) and from the lexicon.  One row per word and class
 * family; a word listed twice gets both classes.  Forms are spelled out (no stemming) so what a
 * rule matches is exactly what is written here.
 */
#include "likely/extract/cue_vocab.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/extract/cfgtable.h"
#include "likely/text/text.h"

/* clang-format off */
#define ROW(w, c) {w, c}
/* clang-format on */

/* clang-format off */
const struct cue_vocab_entry cue_vocab[] = {
	/* speech and attribution: a forecast next to one of these is
	 * reported; who speaks decides whether it is kept */
	ROW("said", CW_REPORTING), ROW("says", CW_REPORTING),
	ROW("say", CW_REPORTING), ROW("told", CW_REPORTING),
	ROW("tells", CW_REPORTING), ROW("stated", CW_REPORTING),
	ROW("noted", CW_REPORTING), ROW("notes", CW_REPORTING),
	ROW("stressed", CW_REPORTING), ROW("added", CW_REPORTING),
	ROW("adds", CW_REPORTING), ROW("argued", CW_REPORTING),
	ROW("argues", CW_REPORTING), ROW("wrote", CW_REPORTING),
	ROW("writes", CW_REPORTING), ROW("according", CW_REPORTING),
	ROW("believes", CW_REPORTING), ROW("believe", CW_REPORTING),
	ROW("thinks", CW_REPORTING), ROW("reckons", CW_REPORTING),
	ROW("reckon", CW_REPORTING),
	ROW("warned", CW_REPORTING), ROW("warns", CW_REPORTING),
	ROW("warn", CW_REPORTING), ROW("cautioned", CW_REPORTING),
	ROW("explained", CW_REPORTING), ROW("commented", CW_REPORTING),
	ROW("concluded", CW_REPORTING), ROW("suggested", CW_REPORTING),
	ROW("suggests", CW_REPORTING), ROW("estimates", CW_REPORTING),
	ROW("estimated", CW_REPORTING), ROW("observed", CW_REPORTING),

	/* forecasting verbs: with a subject, a forecast of their own */
	ROW("expect", CW_FORECAST_VERB), ROW("expects", CW_FORECAST_VERB),
	ROW("forecast", CW_FORECAST_VERB), ROW("forecasts", CW_FORECAST_VERB),
	ROW("predict", CW_FORECAST_VERB), ROW("predicts", CW_FORECAST_VERB),
	ROW("project", CW_FORECAST_VERB), ROW("projects", CW_FORECAST_VERB),
	ROW("foresee", CW_FORECAST_VERB), ROW("foresees", CW_FORECAST_VERB),
	ROW("anticipate", CW_FORECAST_VERB), ROW("anticipates", CW_FORECAST_VERB),
	ROW("see", CW_FORECAST_VERB), ROW("sees", CW_FORECAST_VERB),
	ROW("seen", CW_FORECAST_VERB), ROW("estimate", CW_FORECAST_VERB),

	/* an actor's own hopes, fears, plans and announcements: what follows
	 * is not the speaker's forecast */
	ROW("hope", CW_ACTOR_VERB), ROW("hopes", CW_ACTOR_VERB),
	ROW("hoped", CW_ACTOR_VERB), ROW("fear", CW_ACTOR_VERB),
	ROW("fears", CW_ACTOR_VERB), ROW("feared", CW_ACTOR_VERB),
	ROW("plan", CW_ACTOR_VERB), ROW("plans", CW_ACTOR_VERB),
	ROW("planned", CW_ACTOR_VERB), ROW("intend", CW_ACTOR_VERB),
	ROW("intends", CW_ACTOR_VERB), ROW("intended", CW_ACTOR_VERB),
	ROW("promise", CW_ACTOR_VERB), ROW("promises", CW_ACTOR_VERB),
	ROW("promised", CW_ACTOR_VERB), ROW("pledge", CW_ACTOR_VERB),
	ROW("pledges", CW_ACTOR_VERB), ROW("pledged", CW_ACTOR_VERB),
	ROW("vow", CW_ACTOR_VERB), ROW("vows", CW_ACTOR_VERB),
	ROW("vowed", CW_ACTOR_VERB), ROW("aims", CW_ACTOR_VERB),
	ROW("want", CW_ACTOR_VERB), ROW("wants", CW_ACTOR_VERB),
	ROW("insist", CW_ACTOR_VERB), ROW("insists", CW_ACTOR_VERB),
	ROW("insisted", CW_ACTOR_VERB), ROW("announce", CW_ACTOR_VERB),
	ROW("announces", CW_ACTOR_VERB), ROW("announced", CW_ACTOR_VERB),
	ROW("agreed", CW_ACTOR_VERB), ROW("decided", CW_ACTOR_VERB),
	ROW("threaten", CW_ACTOR_VERB), ROW("threatens", CW_ACTOR_VERB),
	ROW("threatened", CW_ACTOR_VERB), ROW("seeks", CW_ACTOR_VERB),
	ROW("proposed", CW_ACTOR_VERB), ROW("proposes", CW_ACTOR_VERB),
	ROW("wish", CW_ACTOR_VERB), ROW("wishes", CW_ACTOR_VERB),
	ROW("demand", CW_ACTOR_VERB), ROW("demands", CW_ACTOR_VERB),
	ROW("urged", CW_ACTOR_VERB), ROW("urges", CW_ACTOR_VERB),
	ROW("claimed", CW_ACTOR_VERB), ROW("claims", CW_ACTOR_VERB),
	ROW("reported", CW_ACTOR_VERB), ROW("confirmed", CW_ACTOR_VERB),
	ROW("declared", CW_ACTOR_VERB), ROW("unveiled", CW_ACTOR_VERB),
	ROW("assured", CW_ACTOR_VERB), ROW("guaranteed", CW_ACTOR_VERB),

	/* who forecasts for a living: their forecasts are kept */
	ROW("analyst", CW_ANALYST), ROW("analysts", CW_ANALYST),
	ROW("economist", CW_ANALYST), ROW("economists", CW_ANALYST),
	ROW("expert", CW_ANALYST), ROW("experts", CW_ANALYST),
	ROW("strategist", CW_ANALYST), ROW("strategists", CW_ANALYST),
	ROW("observer", CW_ANALYST), ROW("observers", CW_ANALYST),
	ROW("forecaster", CW_ANALYST), ROW("forecasters", CW_ANALYST),
	ROW("researcher", CW_ANALYST), ROW("researchers", CW_ANALYST),
	ROW("scientist", CW_ANALYST), ROW("fellow", CW_ANALYST),
	ROW("professor", CW_ANALYST), ROW("consultancy", CW_ANALYST),
	ROW("institute", CW_ANALYST), ROW("survey", CW_ANALYST),
	ROW("poll", CW_ANALYST), ROW("pollster", CW_ANALYST),
	ROW("brokerage", CW_ANALYST), ROW("dealers", CW_ANALYST),
	ROW("respondents", CW_ANALYST), ROW("commentators", CW_ANALYST),
	ROW("bank", CW_ANALYST), ROW("banks", CW_ANALYST),
	ROW("agency", CW_ANALYST), ROW("centre", CW_ANALYST),
	ROW("center", CW_ANALYST), ROW("research", CW_ANALYST),
	ROW("firm", CW_ANALYST), ROW("consultants", CW_ANALYST),
	ROW("markets", CW_ANALYST),
	ROW("sources", CW_ANALYST), ROW("surveyed", CW_ANALYST),
	ROW("polled", CW_ANALYST), ROW("traders", CW_ANALYST),
	ROW("investors", CW_ANALYST),

	/* actors: governments and their parts, parties, officials */
	ROW("ministry", CW_ACTOR), ROW("minister", CW_ACTOR),
	ROW("government", CW_ACTOR), ROW("officials", CW_ACTOR),
	ROW("official", CW_ACTOR), ROW("president", CW_ACTOR),
	ROW("spokesman", CW_ACTOR), ROW("spokeswoman", CW_ACTOR),
	ROW("spokesperson", CW_ACTOR), ROW("kremlin", CW_ACTOR),
	ROW("authorities", CW_ACTOR), ROW("cabinet", CW_ACTOR),
	ROW("administration", CW_ACTOR), ROW("campaign", CW_ACTOR),
	ROW("board", CW_ACTOR), ROW("leadership", CW_ACTOR),
	ROW("regime", CW_ACTOR), ROW("junta", CW_ACTOR),
	ROW("mayor", CW_ACTOR), ROW("prosecutors", CW_ACTOR),
	ROW("commission", CW_ACTOR), ROW("committee", CW_ACTOR),
	ROW("council", CW_ACTOR), ROW("parliament", CW_ACTOR),
	ROW("court", CW_ACTOR), ROW("operator", CW_ACTOR),
	ROW("leaders", CW_ACTOR), ROW("leader", CW_ACTOR),
	ROW("ministers", CW_ACTOR), ROW("governments", CW_ACTOR),
	ROW("governor", CW_ACTOR), ROW("premier", CW_ACTOR),

	/* procedure and calendar: "will publish", "will be held" */
	ROW("publish", CW_SCHEDULE_VERB), ROW("published", CW_SCHEDULE_VERB),
	ROW("present", CW_SCHEDULE_VERB), ROW("presented", CW_SCHEDULE_VERB),
	ROW("announce", CW_SCHEDULE_VERB), ROW("announced", CW_SCHEDULE_VERB),
	ROW("convene", CW_SCHEDULE_VERB), ROW("meet", CW_SCHEDULE_VERB),
	ROW("visit", CW_SCHEDULE_VERB), ROW("host", CW_SCHEDULE_VERB),
	ROW("attend", CW_SCHEDULE_VERB), ROW("debate", CW_SCHEDULE_VERB),
	ROW("consider", CW_SCHEDULE_VERB), ROW("discuss", CW_SCHEDULE_VERB),
	ROW("monitor", CW_SCHEDULE_VERB), ROW("review", CW_SCHEDULE_VERB),
	ROW("examine", CW_SCHEDULE_VERB), ROW("chair", CW_SCHEDULE_VERB),
	ROW("held", CW_SCHEDULE_VERB), ROW("elect", CW_SCHEDULE_VERB),
	ROW("vote", CW_SCHEDULE_VERB), ROW("sworn", CW_SCHEDULE_VERB),
	ROW("convened", CW_SCHEDULE_VERB),
	ROW("scheduled", CW_SCHEDULE_MARK), ROW("slated", CW_SCHEDULE_MARK),
	ROW("timetabled", CW_SCHEDULE_MARK), ROW("rescheduled", CW_SCHEDULE_MARK),
	ROW("meeting", CW_SCHEDULE_NOUN), ROW("meetings", CW_SCHEDULE_NOUN),
	ROW("conference", CW_SCHEDULE_NOUN), ROW("session", CW_SCHEDULE_NOUN),
	ROW("summit", CW_SCHEDULE_NOUN), ROW("ceremony", CW_SCHEDULE_NOUN),
	ROW("forum", CW_SCHEDULE_NOUN), ROW("visit", CW_SCHEDULE_NOUN),
	ROW("talks", CW_SCHEDULE_NOUN), ROW("hearing", CW_SCHEDULE_NOUN),
	ROW("briefing", CW_SCHEDULE_NOUN), ROW("voting", CW_SCHEDULE_NOUN),
	ROW("sitting", CW_SCHEDULE_NOUN), ROW("inauguration", CW_SCHEDULE_NOUN),
	/* and the weekdays' names, from the one weekday table
	 * (vocab_weekdays; cue.c adds them) */
	ROW("today", CW_CALENDAR),
	ROW("tomorrow", CW_CALENDAR), ROW("tonight", CW_CALENDAR),
	ROW("tomorrow's", CW_CALENDAR),

	/* laws and treaties: what they lay down is not a forecast */
	ROW("law", CW_TERMS_NOUN), ROW("decree", CW_TERMS_NOUN),
	ROW("agreement", CW_TERMS_NOUN), ROW("treaty", CW_TERMS_NOUN),
	ROW("protocol", CW_TERMS_NOUN), ROW("draft", CW_TERMS_NOUN),
	ROW("bill", CW_TERMS_NOUN), ROW("amendment", CW_TERMS_NOUN),
	ROW("amendments", CW_TERMS_NOUN), ROW("constitution", CW_TERMS_NOUN),
	ROW("rules", CW_TERMS_NOUN), ROW("charter", CW_TERMS_NOUN),
	ROW("contract", CW_TERMS_NOUN), ROW("deal", CW_TERMS_NOUN),
	ROW("regulation", CW_TERMS_NOUN), ROW("terms", CW_TERMS_NOUN),
	ROW("programme", CW_TERMS_NOUN), ROW("program", CW_TERMS_NOUN),
	ROW("strategy", CW_TERMS_NOUN), ROW("plan", CW_TERMS_NOUN),
	ROW("code", CW_TERMS_NOUN), ROW("reform", CW_TERMS_NOUN),
	ROW("reforms", CW_TERMS_NOUN), ROW("scheme", CW_TERMS_NOUN),
	ROW("arrangement", CW_TERMS_NOUN), ROW("accord", CW_TERMS_NOUN),
	ROW("pact", CW_TERMS_NOUN), ROW("framework", CW_TERMS_NOUN),
	ROW("system", CW_TERMS_NOUN), ROW("rule", CW_TERMS_NOUN),

	/* trends: after "should" they make it a forecast, not advice */
	ROW("rise", CW_TREND_VERB), ROW("fall", CW_TREND_VERB),
	ROW("grow", CW_TREND_VERB), ROW("slow", CW_TREND_VERB),
	ROW("ease", CW_TREND_VERB), ROW("recover", CW_TREND_VERB),
	ROW("return", CW_TREND_VERB), ROW("decline", CW_TREND_VERB),
	ROW("peak", CW_TREND_VERB), ROW("stabilise", CW_TREND_VERB),
	ROW("stabilize", CW_TREND_VERB), ROW("improve", CW_TREND_VERB),
	ROW("accelerate", CW_TREND_VERB), ROW("moderate", CW_TREND_VERB),
	ROW("pick", CW_TREND_VERB), ROW("rebound", CW_TREND_VERB),
	ROW("narrow", CW_TREND_VERB), ROW("widen", CW_TREND_VERB),
	ROW("increase", CW_TREND_VERB), ROW("decrease", CW_TREND_VERB),

	/* participles of a state, not an event: "may be interested in" */
	ROW("interested", CW_STATE_PARTICIPLE), ROW("concerned", CW_STATE_PARTICIPLE),
	ROW("aimed", CW_STATE_PARTICIPLE), ROW("based", CW_STATE_PARTICIPLE),
	ROW("involved", CW_STATE_PARTICIPLE), ROW("related", CW_STATE_PARTICIPLE),
	ROW("linked", CW_STATE_PARTICIPLE), ROW("tied", CW_STATE_PARTICIPLE),
	ROW("worried", CW_STATE_PARTICIPLE), ROW("pleased", CW_STATE_PARTICIPLE),
	ROW("satisfied", CW_STATE_PARTICIPLE), ROW("inclined", CW_STATE_PARTICIPLE),

	/* what a disclaimer speaks of: "actual results may differ" */
	ROW("results", CW_META), ROW("projections", CW_META),
	ROW("statements", CW_META), ROW("performance", CW_META),
	ROW("forecasts", CW_META), ROW("estimates", CW_META),
	ROW("figures", CW_META),

	/* the words the will, hedge and should finders start from (besides
	 * the modals and hedges below): the finders skip any other word */
	ROW("will", CW_CUE_WORD), ROW("shall", CW_CUE_WORD),
	ROW("going", CW_CUE_WORD), ROW("possible", CW_CUE_WORD),
	ROW("should", CW_CUE_WORD), ROW("would", CW_CUE_WORD),
	ROW("rule", CW_CUE_WORD), ROW("ruled", CW_CUE_WORD),
	ROW("excluded", CW_CUE_WORD),

	/* grammar */
	ROW("would", CW_MODAL), ROW("could", CW_MODAL | CW_HEDGE),
	ROW("might", CW_MODAL | CW_HEDGE), ROW("should", CW_MODAL),
	ROW("may", CW_MODAL | CW_HEDGE), ROW("must", CW_MODAL),
	ROW("can", CW_MODAL), ROW("possibly", CW_HEDGE),
	ROW("perhaps", CW_HEDGE), ROW("maybe", CW_HEDGE),
	ROW("not", CW_NEGATOR), ROW("never", CW_NEGATOR),
	ROW("hardly", CW_NEGATOR), ROW("scarcely", CW_NEGATOR),
	ROW("no", CW_NEGATOR),
	ROW("extremely", CW_INTENSIFIER), ROW("very", CW_INTENSIFIER),
	ROW("highly", CW_INTENSIFIER), ROW("exceedingly", CW_INTENSIFIER),
	ROW("was", CW_PAST), ROW("were", CW_PAST), ROW("had", CW_PAST),
	ROW("been", CW_PAST), ROW("did", CW_PAST), ROW("looked", CW_PAST),
	ROW("seemed", CW_PAST), ROW("appeared", CW_PAST),
	ROW("soon", CW_FUTURE), ROW("eventually", CW_FUTURE),
	ROW("later", CW_FUTURE), ROW("future", CW_FUTURE),
	ROW("ahead", CW_FUTURE), ROW("upcoming", CW_FUTURE),
	ROW("forthcoming", CW_FUTURE), ROW("tomorrow", CW_FUTURE),
	ROW("next", CW_FUTURE), ROW("henceforth", CW_FUTURE),
	ROW("sooner", CW_FUTURE), ROW("coming", CW_FUTURE),
	ROW("the", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("a", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("an", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("his", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("her", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("their", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("its", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("our", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("my", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("your", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("this", CW_BEFORE_NOUN_WILL | CW_DETERMINER),
	ROW("that", CW_BEFORE_NOUN_WILL),
	ROW("these", CW_DETERMINER), ROW("those", CW_DETERMINER),
	ROW("median", CW_DETERMINER), ROW("latest", CW_DETERMINER),
	ROW("baseline", CW_DETERMINER), ROW("updated", CW_DETERMINER),
	ROW("new", CW_DETERMINER), ROW("official", CW_DETERMINER),
	ROW("consensus", CW_DETERMINER), ROW("revised", CW_DETERMINER),
	ROW("political", CW_BEFORE_NOUN_WILL), ROW("good", CW_BEFORE_NOUN_WILL),
	ROW("ill", CW_BEFORE_NOUN_WILL), ROW("free", CW_BEFORE_NOUN_WILL),
	ROW("strong", CW_BEFORE_NOUN_WILL), ROW("own", CW_BEFORE_NOUN_WILL),
	ROW("of", CW_BEFORE_NOUN_WILL), ROW("at", CW_BEFORE_NOUN_WILL),
	ROW("popular", CW_BEFORE_NOUN_WILL), ROW("public", CW_BEFORE_NOUN_WILL),
	ROW("general", CW_BEFORE_NOUN_WILL), ROW("lack", CW_BEFORE_NOUN_WILL),
	ROW("same", CW_BEFORE_NOUN_WILL), ROW("whose", CW_BEFORE_NOUN_WILL),
	ROW("people's", CW_BEFORE_NOUN_WILL),
	ROW("sovereign", CW_BEFORE_NOUN_WILL),
	ROW("somewhat", CW_ADVERB), ROW("also", CW_ADVERB),
	ROW("even", CW_ADVERB), ROW("still", CW_ADVERB),
	ROW("further", CW_ADVERB), ROW("well", CW_ADVERB),
	ROW("yet", CW_ADVERB), ROW("again", CW_ADVERB), ROW("then", CW_ADVERB),
	ROW("ultimately", CW_ADVERB), ROW("gradually", CW_ADVERB),
	ROW("quickly", CW_ADVERB), ROW("significantly", CW_ADVERB),
	ROW("seriously", CW_ADVERB), ROW("easily", CW_ADVERB),
	ROW("actually", CW_ADVERB), ROW("already", CW_ADVERB),
	ROW("now", CW_ADVERB), ROW("widely", CW_ADVERB),
	ROW("quite", CW_ADVERB), ROW("entirely", CW_ADVERB),
	ROW("perfectly", CW_ADVERB), ROW("increasingly", CW_ADVERB),
	ROW("likely", CW_ESTIMATIVE), ROW("unlikely", CW_ESTIMATIVE),
	ROW("probable", CW_ESTIMATIVE), ROW("improbable", CW_ESTIMATIVE),
	ROW("probably", CW_ESTIMATIVE), ROW("certain", CW_ESTIMATIVE),
	ROW("certainly", CW_ESTIMATIVE),
	ROW("how", CW_WH | CW_NOT_HEADLINE_SUBJECT),
	ROW("what", CW_WH | CW_NOT_HEADLINE_SUBJECT),
	ROW("whether", CW_WH),
	ROW("is", CW_COPULA), ROW("are", CW_COPULA), ROW("be", CW_COPULA),
	ROW("am", CW_COPULA), ROW("'s", CW_COPULA), ROW("being", CW_COPULA),
	ROW("remains", CW_COPULA), ROW("remain", CW_COPULA),
	ROW("none", CW_NEG_SUBJECT), ROW("neither", CW_NEG_SUBJECT),
	ROW("nobody", CW_NEG_SUBJECT), ROW("nothing", CW_NEG_SUBJECT),
	ROW("nor", CW_NEG_SUBJECT),

	/* before "to", a verb or an adjective: no headline future there */
	ROW("want", CW_NOT_HEADLINE_SUBJECT), ROW("wants", CW_NOT_HEADLINE_SUBJECT),
	ROW("need", CW_NOT_HEADLINE_SUBJECT), ROW("needs", CW_NOT_HEADLINE_SUBJECT),
	ROW("have", CW_NOT_HEADLINE_SUBJECT), ROW("has", CW_NOT_HEADLINE_SUBJECT),
	ROW("able", CW_NOT_HEADLINE_SUBJECT), ROW("due", CW_NOT_HEADLINE_SUBJECT),
	ROW("going", CW_NOT_HEADLINE_SUBJECT), ROW("ready", CW_NOT_HEADLINE_SUBJECT),
	ROW("from", CW_NOT_HEADLINE_SUBJECT), ROW("up", CW_NOT_HEADLINE_SUBJECT),
	ROW("guide", CW_NOT_HEADLINE_SUBJECT), ROW("way", CW_NOT_HEADLINE_SUBJECT),
	ROW("ways", CW_NOT_HEADLINE_SUBJECT), ROW("how", CW_NOT_HEADLINE_SUBJECT),
	ROW("time", CW_NOT_HEADLINE_SUBJECT), ROW("tries", CW_NOT_HEADLINE_SUBJECT),
	ROW("try", CW_NOT_HEADLINE_SUBJECT), ROW("moves", CW_NOT_HEADLINE_SUBJECT),
	ROW("refuses", CW_NOT_HEADLINE_SUBJECT), ROW("fails", CW_NOT_HEADLINE_SUBJECT),
	ROW("back", CW_NOT_HEADLINE_SUBJECT), ROW("return", CW_NOT_HEADLINE_SUBJECT),
	ROW("according", CW_NOT_HEADLINE_SUBJECT),
	ROW("set", CW_NOT_HEADLINE_SUBJECT), ROW("poised", CW_NOT_HEADLINE_SUBJECT),
	ROW("expected", CW_NOT_HEADLINE_SUBJECT), ROW("about", CW_NOT_HEADLINE_SUBJECT),
	ROW("attempts", CW_NOT_HEADLINE_SUBJECT), ROW("attempt", CW_NOT_HEADLINE_SUBJECT),
	ROW("struggles", CW_NOT_HEADLINE_SUBJECT), ROW("continues", CW_NOT_HEADLINE_SUBJECT),
	ROW("begins", CW_NOT_HEADLINE_SUBJECT), ROW("starts", CW_NOT_HEADLINE_SUBJECT),
	ROW("prepares", CW_NOT_HEADLINE_SUBJECT), ROW("offers", CW_NOT_HEADLINE_SUBJECT),
	ROW("manages", CW_NOT_HEADLINE_SUBJECT), ROW("chooses", CW_NOT_HEADLINE_SUBJECT),
	ROW("looks", CW_NOT_HEADLINE_SUBJECT), ROW("opts", CW_NOT_HEADLINE_SUBJECT),
	ROW("fights", CW_NOT_HEADLINE_SUBJECT), ROW("rushes", CW_NOT_HEADLINE_SUBJECT),
	ROW("turns", CW_NOT_HEADLINE_SUBJECT), ROW("comes", CW_NOT_HEADLINE_SUBJECT),
	ROW("goes", CW_NOT_HEADLINE_SUBJECT), ROW("used", CW_NOT_HEADLINE_SUBJECT),
	/* nouns and adjectives that take "to" as a preposition */
	ROW("close", CW_NOT_HEADLINE_SUBJECT), ROW("near", CW_NOT_HEADLINE_SUBJECT),
	ROW("next", CW_NOT_HEADLINE_SUBJECT), ROW("thanks", CW_NOT_HEADLINE_SUBJECT),
	ROW("owing", CW_NOT_HEADLINE_SUBJECT), ROW("prior", CW_NOT_HEADLINE_SUBJECT),
	ROW("threat", CW_NOT_HEADLINE_SUBJECT), ROW("blow", CW_NOT_HEADLINE_SUBJECT),
	ROW("boost", CW_NOT_HEADLINE_SUBJECT), ROW("visit", CW_NOT_HEADLINE_SUBJECT),
	ROW("trip", CW_NOT_HEADLINE_SUBJECT), ROW("access", CW_NOT_HEADLINE_SUBJECT),
	ROW("key", CW_NOT_HEADLINE_SUBJECT), ROW("road", CW_NOT_HEADLINE_SUBJECT),
	ROW("path", CW_NOT_HEADLINE_SUBJECT), ROW("answer", CW_NOT_HEADLINE_SUBJECT),
	ROW("response", CW_NOT_HEADLINE_SUBJECT), ROW("reply", CW_NOT_HEADLINE_SUBJECT),
	ROW("letter", CW_NOT_HEADLINE_SUBJECT), ROW("message", CW_NOT_HEADLINE_SUBJECT),
	ROW("ties", CW_NOT_HEADLINE_SUBJECT), ROW("links", CW_NOT_HEADLINE_SUBJECT),
	ROW("aid", CW_NOT_HEADLINE_SUBJECT), ROW("welcome", CW_NOT_HEADLINE_SUBJECT),
	ROW("invitation", CW_NOT_HEADLINE_SUBJECT), ROW("appeal", CW_NOT_HEADLINE_SUBJECT),
	ROW("similar", CW_NOT_HEADLINE_SUBJECT), ROW("equal", CW_NOT_HEADLINE_SUBJECT),
	ROW("open", CW_NOT_HEADLINE_SUBJECT), ROW("subject", CW_NOT_HEADLINE_SUBJECT),
	{0, 0}};
/* clang-format on */

/* clang-format off */
const struct cue_vocab_class cue_vocab_classes[] = {
	{"reporting", CW_REPORTING, "a speech verb: said, told, according"},
	{"forecast-verb", CW_FORECAST_VERB, "a forecasting verb: expects, predicts"},
	{"actor-verb", CW_ACTOR_VERB, "an actor's hope, plan or announcement"},
	{"analyst", CW_ANALYST, "who forecasts for a living: analyst, institute"},
	{"actor", CW_ACTOR, "a government, ministry, official, party leader"},
	{"schedule-verb", CW_SCHEDULE_VERB, "a verb of procedure: publish, convene"},
	{"schedule-noun", CW_SCHEDULE_NOUN, "an event on a calendar: meeting, summit"},
	{"calendar", CW_CALENDAR, "a day word: Monday, today"},
	{"timetable", CW_SCHEDULE_MARK, "a word that states a timetable: scheduled"},
	{"terms-noun", CW_TERMS_NOUN, "a law or treaty: decree, agreement"},
	{"trend-verb", CW_TREND_VERB, "a trend after \"should\": rise, ease"},
	{"disclaimer", CW_META, "what a disclaimer speaks of: results"},
	{"future", CW_FUTURE, "a word that looks ahead: soon, next"},
	{0, 0, 0}};
/* clang-format on */

void cue_vocab_extra_init(struct cue_vocab_extra *v)
{
	memset(v, 0, sizeof *v);
}

void cue_vocab_extra_release(struct cue_vocab_extra *v)
{
	for (size_t i = 0; i < v->n; i++)
		free((char *)v->e[i].word);
	free(v->e);
	cue_vocab_extra_init(v);
}

static const char *vocab_row(const char *key, const char *value, const char **column, void *ctx)
{
	struct cue_vocab_extra *v = ctx;
	if (strchr(key, ' '))
		return "one word only (the rules match words one by one)";
	size_t k;
	for (k = 0; cue_vocab_classes[k].name; k++)
		if (strcmp(value, cue_vocab_classes[k].name) == 0)
			break;
	if (!cue_vocab_classes[k].name) {
		*column = "class";
		return "not a class: reporting, forecast-verb, actor-verb, analyst, "
		       "actor, schedule-verb, schedule-noun, calendar, timetable, terms-noun, "
		       "trend-verb, disclaimer, future";
	}
	struct buf folded;
	buf_init(&folded);
	text_fold(&folded, key, strlen(key));
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->e[i].word, folded.data) == 0 &&
		    v->e[i].classes == cue_vocab_classes[k].bit) {
			buf_release(&folded);
			return "duplicate word and class";
		}
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 16;
		v->e = xrealloc(v->e, v->cap * sizeof *v->e);
	}
	v->e[v->n].word = buf_detach(&folded);
	v->e[v->n].classes = cue_vocab_classes[k].bit;
	v->n++;
	buf_release(&folded);
	return NULL;
}

int cue_vocab_load(struct cue_vocab_extra *v, const char *path, struct diag *d)
{
	struct cue_vocab_extra fresh;
	cue_vocab_extra_init(&fresh);
	int rc = cfgtable_read(path, "word", "class", vocab_row, &fresh, d);
	if (rc != LIKELY_OK) {
		cue_vocab_extra_release(&fresh);
		return rc;
	}
	cue_vocab_extra_release(v);
	*v = fresh;
	return LIKELY_OK;
}
