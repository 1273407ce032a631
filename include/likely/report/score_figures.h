/*
 * score_figures: every fact one scored group carries, named once.
 *
 * The store (score_group's columns), scores.csv and the workbook's scores
 * sheet (their columns, in this order), struct score_figures and
 * report.md's table "What the figures mean" are all made from the two
 * lists below, so they cannot disagree on a name or an order.  A new
 * figure is one line in SCORE_FIGURES; being new, it also needs its
 * computation (score_compute) and a schema step that adds its column to
 * score_group (ALTER TABLE ... ADD COLUMN, listed in store.c's
 * later_columns), since the store refuses columns it does not know.
 *
 * SCORE_COUNTS(X): whole numbers, X(column, member, label, meaning)
 *   column   its name in scores.csv, the workbook and score_group (a
 *            string: "void" is a C keyword);
 *   member   where it is kept, in struct sb_group and struct
 *            score_group_rec alike;
 *   label, meaning   report.md's row "| label (`column`) | value |
 *            meaning |"; the meaning is a printf format given one
 *            argument, ", partial" when partial outcomes are scored,
 *            else "" (so no '%' of its own).
 *
 * SCORE_FIGURES(X): real numbers, NAN when undefined,
 *   X(name, kind, binned, label, meaning)
 *   name     the member of struct score_figures and the column;
 *   kind     SCORE_SHARE for a share of 1 (the workbook shows a
 *            percentage), SCORE_NUMBER for any other;
 *   binned   1: report.md shows its row only with --bins N (with exact
 *            bins it is 0, and one row says so);
 *   label, meaning   report.md's row, as for the counts (the meaning is
 *            plain text here).
 */
#ifndef LIKELY_SCORE_FIGURES_H
#define LIKELY_SCORE_FIGURES_H

enum score_figure_kind {
	SCORE_NUMBER,
	SCORE_SHARE
};

#define SCORE_COUNTS(X)                                                                            \
	X("n", fig.n, "scored",                                                                    \
	  "accepted forecasts with a probability and a verdict (yes, no%s) reached by "            \
	  "the as-of date")                                                                        \
	X("open", open, "open", "accepted, no verdict by the as-of date, horizon not yet passed")  \
	X("overdue", overdue, "overdue",                                                           \
	  "accepted, no verdict by the as-of date, horizon passed: the review queue")              \
	X("void", void_count, "void", "settled as void (the question fell away); never scored")    \
	X("hedged", hedged, "hedged",                                                              \
	  "accepted statements without a probability (\"may\", \"could\"), whatever "              \
	  "their state; never scored")

#define SCORE_FIGURES(X)                                                                           \
	X(base_rate, SCORE_SHARE, 0, "base rate",                                                  \
	  "mean outcome: how often the forecast events happened")                                  \
	X(mean_probability, SCORE_SHARE, 0, "mean probability",                                    \
	  "mean stated probability; far from the base rate means over- or "                        \
	  "under-confident overall")                                                               \
	/* mean (p - o)^2, 0..1 scale */                                                           \
	X(brier, SCORE_NUMBER, 0, "**Brier score**",                                               \
	  "mean of (p − o)², on the **0–1 scale**: 0 is perfect, 0.25 is what "               \
	  "always saying 50% earns, 1 is always certain and wrong. Good Judgment "                 \
	  "Open and Fatebook use the 0–2 scale: divide their scores by 2 to compare")              \
	/* sample sd of (p - o)^2 / sqrt(n); n >= 2 */                                             \
	X(brier_se, SCORE_NUMBER, 0, "standard error",                                             \
	  "how much the Brier score could move by luck; the 95% range is Brier ± "                \
	  "1.96 standard errors")                                                                  \
	X(reliability, SCORE_NUMBER, 0, "reliability",                                             \
	  "calibration error: weighted mean squared gap between stated probability "               \
	  "and observed frequency per bin; lower is better")                                       \
	X(resolution, SCORE_NUMBER, 0, "resolution",                                               \
	  "how far the observed frequencies of the bins spread from the base rate; "               \
	  "higher is better (the forecasts tell events apart)")                                    \
	/* mean (o - base_rate)^2 */                                                               \
	X(uncertainty, SCORE_NUMBER, 0, "uncertainty",                                             \
	  "mean (o − base rate)²: how hard the questions were; not the forecasters' "           \
	  "doing")                                                                                 \
	/* 0 with exact bins */                                                                    \
	X(within_bin_variance, SCORE_NUMBER, 1, "within-bin variance",                             \
	  "spread of the stated probabilities inside each bin (Stephenson, "                       \
	  "Coelho & Jolliffe 2008)")                                                               \
	/* includes the factor 2; 0 with exact bins */                                             \
	X(within_bin_covariance, SCORE_NUMBER, 1, "within-bin covariance",                         \
	  "twice the covariance of probabilities and outcomes inside each bin; "                   \
	  "Brier = reliability − resolution + uncertainty + variance − "                       \
	  "covariance")                                                                            \
	/* 1 - brier / uncertainty */                                                              \
	X(skill, SCORE_NUMBER, 0, "skill",                                                         \
	  "1 − Brier / uncertainty: above 0 beats always forecasting the base rate, "            \
	  "below 0 does worse; empty when every outcome was the same")                             \
	/* mean -[o ln p + (1-o) ln(1-p)], clamped */                                              \
	X(log_score, SCORE_NUMBER, 0, "log score",                                                 \
	  "mean −ln of the probability given to what happened (natural log, p "                  \
	  "floored at 1e-15); 0 is perfect, 0.693 is always saying 50%; punishes "                 \
	  "confident misses hard")                                                                 \
	/* over the occupied bins in force */                                                      \
	X(ece, SCORE_NUMBER, 0, "ECE",                                                             \
	  "expected calibration error: mean absolute gap between stated and observed "             \
	  "per bin, weighted by the bin's forecasts")                                              \
	X(spiegelhalter_z, SCORE_NUMBER, 0, "Spiegelhalter z",                                     \
	  "test of calibration: near 0 is consistent with well calibrated; beyond "                \
	  "±1.96 is unlikely to be luck. Empty when every probability is 0, 50% or "              \
	  "1")                                                                                     \
	/* two-sided */                                                                            \
	X(spiegelhalter_p, SCORE_NUMBER, 0, "Spiegelhalter p",                                     \
	  "two-sided p-value of z: small (below 0.05) means the miscalibration is "                \
	  "probably real")

#endif
