/**
 * Which other schools' practice fits a priority, and in what order: pure rules, tested on their
 * own. A match must teach the same pupils (phase and key stage), show a real improvement on the
 * measure the priority is about, and say something new (two cards with the same figures are one).
 */
import { phaseLabels } from "../../kernel/school-phases";

/** What a measure is about; measures in the same family answer the same priority. */
export type Topic =
  | "attendance"
  | "persistent-absence"
  | "suspensions"
  | "phonics"
  | "rwm"
  | "reading"
  | "writing"
  | "maths"
  | "communication"
  | "families";

/** Measures where a fall is the improvement. */
const lowerIsBetter = new Set<Topic>(["persistent-absence", "suspensions"]);

/** Most specific first: "persistent absence" is not plain attendance, "reading, writing and maths" is not reading. */
const topicPatterns: Array<[Topic, RegExp]> = [
  ["persistent-absence", /persistent(ly)?\s+absen/],
  ["attendance", /\battendance\b|absen/],
  ["suspensions", /suspen|exclu/],
  ["phonics", /phonic/],
  ["rwm", /\brwm\b|reading,? writing,? (and )?maths|combined/],
  ["reading", /read/],
  ["writing", /writ/],
  ["maths", /math/],
  ["communication", /communicat|\bspeech\b/],
  ["families", /famil|parent/],
];

/** Closely related measures: evidence on them still answers the priority, after evidence on its own measures. */
const related: Partial<Record<Topic, Topic[]>> = {
  attendance: ["persistent-absence"],
  "persistent-absence": ["attendance"],
  reading: ["phonics"],
  phonics: ["reading"],
};

/** Every topic a text mentions (a specific phrase is taken out first, so "persistent absence" is not also attendance). */
export function topicsIn(text: string): Topic[] {
  let t = text.toLowerCase();
  const found: Topic[] = [];
  for (const [topic, pattern] of topicPatterns) {
    if (!pattern.test(t)) continue;
    found.push(topic);
    if (topic === "persistent-absence" || topic === "rwm") t = t.replace(pattern, " ");
  }
  return found;
}

/** The topic of one measure ("Persistent absence %" → persistent-absence), or null. */
export const topicOf = (measure: string): Topic | null => topicsIn(measure)[0] ?? null;

/** The topics whose evidence answers a priority about these topics, most relevant first: its own, then related ones. */
export function relevantTopics(topics: readonly Topic[]): Topic[] {
  const out = [...new Set(topics)];
  for (const topic of topics) for (const r of related[topic] ?? []) if (!out.includes(r)) out.push(r);
  return out;
}

/** Percentage points of improvement: a rise, or a fall for measures where lower is better. */
export function improvement(measure: string, baseline: number, actual: number): number {
  const topic = topicOf(measure);
  const change = actual - baseline;
  return Math.round((topic && lowerIsBetter.has(topic) ? -change : change) * 10) / 10;
}

/** Whether a fall is the improvement on this measure. */
export const fallIsBetter = (measure: string) => lowerIsBetter.has(topicOf(measure) as Topic);

export type Stage = "EYFS" | "KS1" | "KS2" | "KS3" | "KS4" | "KS5";

/** The stages a school of each phase teaches (phases as in app/kernel/school-phases). */
const phaseStages: Record<string, Stage[]> = {
  nursery: ["EYFS"],
  primary: ["EYFS", "KS1", "KS2"],
  secondary: ["KS3", "KS4", "KS5"],
  "all-through": ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"],
  special: ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"],
  "alternative-provision": ["KS3", "KS4"],
};

/** The stages a priority is about when it names none: what most of the school's pupils are in. */
const mainStages: Record<string, Stage[]> = {
  nursery: ["EYFS"],
  primary: ["KS1", "KS2"],
  secondary: ["KS3", "KS4"],
  "all-through": ["KS1", "KS2", "KS3", "KS4"],
  special: [],
  "alternative-provision": ["KS3", "KS4"],
};

const stagePatterns: Array<[Stage, RegExp]> = [
  ["EYFS", /early years|eyfs|reception|nursery/],
  ["KS1", /key stage 1|\bks1\b|\byears? [12]\b|phonic/],
  ["KS2", /key stage 2|\bks2\b|\byears? [3-6]\b|\bsats?\b/],
  ["KS3", /key stage 3|\bks3\b|\byears? [789]\b/],
  ["KS4", /key stage 4|\bks4\b|\byears? 1[01]\b|gcse/],
  ["KS5", /key stage 5|\bks5\b|sixth form|post-16|\byears? 1[23]\b/],
];

/** The key stages a text names ("Close the reading gap in Key Stage 2" → KS2). */
export function stagesIn(text: string): Stage[] {
  const t = text.toLowerCase();
  return stagePatterns.filter(([, pattern]) => pattern.test(t)).map(([stage]) => stage);
}

/** Whether a known phase: unknown phases are never matched (nothing can be said about their pupils). */
export const knownPhase = (phase: string) => Object.hasOwn(phaseLabels, phase) && Object.hasOwn(phaseStages, phase);

/**
 * Whether a school of `partnerPhase`, with practice described by `partnerText`, teaches the pupils
 * a priority of a `ourPhase` school described by `ourText` is about. A priority naming key stages
 * needs a partner that teaches all of them (no nursery for Key Stage 2 reading); one naming none
 * needs a partner that shares the school's main stages (no secondary for a primary's attendance).
 * A partner whose own priority names stages must name one of the same.
 */
export function phaseFits(ourPhase: string, ourText: string, partnerPhase: string, partnerText: string): boolean {
  if (!knownPhase(partnerPhase)) return false;
  const ourStages = phaseStages[ourPhase] ?? [];
  const theirs = new Set(phaseStages[partnerPhase]);
  const named = stagesIn(ourText).filter((s) => ourStages.length === 0 || ourStages.includes(s));
  if (named.length > 0) {
    if (!named.every((s) => theirs.has(s))) return false;
    const partnerNamed = stagesIn(partnerText);
    return partnerNamed.length === 0 || partnerNamed.some((s) => named.includes(s));
  }
  const main = mainStages[ourPhase] ?? [];
  if (main.length === 0) return true;
  if (!main.some((s) => theirs.has(s))) return false;
  const partnerNamed = stagesIn(partnerText);
  return partnerNamed.length === 0 || partnerNamed.some((s) => main.includes(s));
}

/** One measured result a partner school can show. */
export type Evidence = { measure: string; studentGroup: string; baseline: number; actual: number };

/** A candidate partner priority, as found by the text search. */
export type Candidate = {
  partnerSchoolId: string;
  partnerPriorityId: string;
  phase: string;
  area: string;
  /** The partner priority's title and its targets' words, for its key stages. */
  text: string;
  inquiries: number;
  /** Text similarity (higher is closer). */
  rank: number;
  evidence: Evidence[];
};

export type Match = Omit<Candidate, "evidence" | "text"> & {
  best: Evidence;
  /** Points of improvement on the relevant measure (a fall where lower is better). */
  improvement: number;
  /** 0 when the result is on the priority's first measure, higher for less central ones. */
  relevance: number;
  samePhase: boolean;
};

/** Less than half a point is within the noise of a year's figures: not evidence of good practice. */
export const MIN_IMPROVEMENT = 0.5;

const sameMeasure = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Keeps the candidates that fit the phase and improved on a relevant measure: the priority's own
 * topics in order (the title's first), then related ones; a priority with no known topic is matched
 * on its own targets' measures, and one without targets on any result. Ranked by relevance, then
 * improvement (same phase first among equals, then text similarity); one card per distinct result.
 */
export function rankMatches(
  our: { phase: string; text: string; topics: readonly Topic[]; measures: readonly string[] },
  candidates: readonly Candidate[],
): Match[] {
  const relevant = relevantTopics(our.topics);
  const relevanceOf = (e: Evidence): number => {
    if (relevant.length > 0) return relevant.indexOf(topicOf(e.measure) as Topic);
    if (our.measures.length > 0) return our.measures.some((m) => sameMeasure(m, e.measure)) ? 0 : -1;
    return 0;
  };
  const matches: Match[] = [];
  for (const c of candidates) {
    if (!phaseFits(our.phase, our.text, c.phase, c.text)) continue;
    const top = c.evidence
      .map((e) => ({ e, relevance: relevanceOf(e), gain: improvement(e.measure, e.baseline, e.actual) }))
      .filter((x) => x.relevance >= 0 && x.gain >= MIN_IMPROVEMENT)
      .sort((a, b) => a.relevance - b.relevance || b.gain - a.gain || a.e.measure.localeCompare(b.e.measure))[0];
    if (!top) continue;
    const { evidence: _evidence, text: _text, ...rest } = c;
    matches.push({
      ...rest,
      best: top.e,
      improvement: top.gain,
      relevance: top.relevance,
      samePhase: c.phase === our.phase,
    });
  }
  matches.sort(
    (a, b) =>
      a.relevance - b.relevance ||
      b.improvement - a.improvement ||
      Number(b.samePhase) - Number(a.samePhase) ||
      b.rank - a.rank ||
      a.partnerPriorityId.localeCompare(b.partnerPriorityId),
  );
  const seen = new Set<string>();
  return matches.filter((m) => {
    const { phase, best } = m;
    const key = [
      phase,
      topicOf(best.measure) ?? best.measure,
      best.studentGroup.toLowerCase(),
      best.baseline,
      best.actual,
    ];
    if (seen.has(key.join("|"))) return false;
    seen.add(key.join("|"));
    return true;
  });
}

/** "Attendance %, disadvantaged pupils: 89.4% → 92.6%". */
export function describeEvidence(e: Evidence): string {
  const pct = (n: number) => `${n.toFixed(1)}%`;
  return `${e.measure}, ${e.studentGroup}: ${pct(e.baseline)} → ${pct(e.actual)}`;
}
