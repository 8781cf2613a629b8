/**
 * Tunables of the state fold, in one place, with their units.
 * Changing one changes the public picture, so each says why it has its value.
 */

/** Milliseconds in one day; crisis time is counted in whole UTC days. */
export const MS_PER_DAY = 86_400_000;

/**
 * Half-life of a tension signal, in days: a threat reported three days ago counts half
 * as much as one reported today. Short enough that the gauge falls when a crisis cools,
 * long enough that one quiet day does not reset it.
 */
export const HALF_LIFE_DAYS = 3;

/**
 * Scale of the saturating map from the decayed signal sum to the 0..100 index:
 * value = 100 * tanh(max(0, sum) / TENSION_SCALE). With a 3-day half-life a sustained
 * daily mean m settles near sum 4.85·m: m = +1 reads about 38 ("elevated"), m = +2 about
 * 67 ("high"), m = +5 severe; a single day of strongly escalating reports (m ≈ +6) reads
 * about 46, so one alarming day moves the wall without pinning it.
 */
export const TENSION_SCALE = 12;

/** Lower bounds (inclusive) of the tension levels on the 0..100 index. */
export const LEVEL_THRESHOLDS = { elevated: 25, high: 50, severe: 75 } as const;

/** Weights are stored as integer thousandths so sums are exact and independent of order. */
export const WEIGHT_MILLI = 1000;

/** Days of tension history kept (one point per day on which reports arrived). */
export const MAX_TENSION_DAYS = 500;

/**
 * Days before crisis time for which per-pair totals are kept: ten half-lives, after which a
 * signal counts for less than 0.1%. (If crisis time moves back by more than this, because
 * the newest report was removed, pair values of those older days are lost.)
 */
export const PAIR_WINDOW_DAYS = 10 * HALF_LIFE_DAYS;

/** Strongest signals kept as driver candidates (ranked by decay-invariant strength). */
export const DRIVER_POOL_SIZE = 30;
/** Drivers shown for the whole index. */
export const DRIVERS_SHOWN = 10;
/** Actor pairs shown, and drivers shown per pair. */
export const PAIRS_SHOWN = 8;
export const PAIR_DRIVERS_SHOWN = 3;

/** Reports whose contribution is remembered exactly (newest by dateline); older ones are frozen. */
export const MAX_LEDGER_REPORTS = 1000;

/** Evidence text longer than this is cut when stored (offsets are kept as they were). */
export const MAX_EVIDENCE_CHARS = 120;

/** Claims within this many days of the newest claim make up the current troop figure. */
export const TROOP_WINDOW_DAYS = 14;
/** Forces-and-theatres kept per crisis; the one with the oldest newest claim goes first. */
export const MAX_TROOP_GROUPS = 8;
/** Non-hypothetical troop claims kept per force and theatre (newest by dateline). */
export const MAX_TROOP_CLAIMS = 40;
/** Hypothetical troop claims kept per force and theatre (newest by dateline). */
export const MAX_HYPOTHETICALS = 8;
/** Claims kept over all forces and theatres: many forces must not blow the state's size. */
export const MAX_TROOP_CLAIMS_TOTAL = 80;
export const MAX_HYPOTHETICALS_TOTAL = 20;
/** Claimants whose figures are charted side by side per force (those with the most claims). */
export const MAX_CLAIMANTS_SHOWN = 8;
/** Claims listed in the current figure. */
export const CURRENT_CLAIMS_SHOWN = 20;
/**
 * Days of troop history kept: for the principal force in its theatre (the headline, charted on
 * the wall), for each other force, and for every force of a crisis without a principal.
 */
export const MAX_TROOP_DAYS = 300;
export const MAX_TROOP_DAYS_OTHERS = 60;
export const MAX_TROOP_DAYS_UNRANKED = 100;

/** Meetings kept; the ones with the oldest latest mention go first. */
export const MAX_MEETINGS = 200;
/** Mentions kept per meeting (the newest). */
export const MAX_MENTIONS_PER_MEETING = 50;
/** Mentions kept over all meetings, so many busy meetings cannot blow the size budget. */
export const MAX_MENTIONS_TOTAL = 300;
/**
 * Two in-person/multilateral mentions whose dates differ by at most this many days may be
 * the same meeting (a postponement); calls and video calls must fall on the same day.
 */
export const MEETING_DATE_TOLERANCE_DAYS = 7;
