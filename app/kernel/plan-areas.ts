import type { actionStatuses, commentSubjects, judgements } from "../../db/schema/plan-items";
import { formatDay } from "./dates";
import { termsFor, type Terminology } from "./terminology";

/**
 * The areas of a school's self-evaluation and the words for its judgements, in one place. The
 * judgements are stored once (Ofsted's four grades) and labelled per authority: en-GB uses Ofsted's
 * words, en-US the state review's. Plain data, so the browser shares it.
 */
export const planAreas = [
  "quality_of_education",
  "behaviour_and_attitudes",
  "personal_development",
  "leadership_and_management",
  "early_years",
  "sixth_form",
] as const;
export type PlanArea = (typeof planAreas)[number];
export type Judgement = (typeof judgements)[number];
export type ActionStatus = (typeof actionStatuses)[number];
export type CommentSubject = (typeof commentSubjects)[number];

/** A SMART target's figures: the measure, for whom, from what to what by when, and the latest result. */
export type TargetFigures = {
  measure: string;
  studentGroup: string;
  baseline: number;
  target: number;
  actual: number | null;
  byWhen: string;
};

/** Stored order of the judgements, best first (the same list as the schema's). */
export const judgementValues = [
  "outstanding",
  "good",
  "requires_improvement",
  "inadequate",
] as const satisfies readonly Judgement[];
export const actionStatusValues = [
  "not_started",
  "in_progress",
  "done",
  "blocked",
] as const satisfies readonly ActionStatus[];

const areaWords: Record<Terminology, Record<PlanArea, string>> = {
  "en-GB": {
    quality_of_education: "Quality of education",
    behaviour_and_attitudes: "Behaviour and attitudes",
    personal_development: "Personal development",
    leadership_and_management: "Leadership and management",
    early_years: "Early years",
    sixth_form: "Sixth form",
  },
  "en-US": {
    quality_of_education: "Quality of instruction",
    behaviour_and_attitudes: "Behavior and attitudes",
    personal_development: "Personal development",
    leadership_and_management: "Leadership and management",
    early_years: "Early childhood (pre-K)",
    sixth_form: "Grades 11–12",
  },
};

const judgementWords: Record<Terminology, Record<Judgement, string>> = {
  "en-GB": {
    outstanding: "Outstanding",
    good: "Good",
    requires_improvement: "Requires improvement",
    inadequate: "Inadequate",
  },
  "en-US": {
    outstanding: "Exemplary",
    good: "Effective",
    requires_improvement: "Developing",
    inadequate: "Needs support",
  },
};

/**
 * The area a stored value names: its key, or its label in either terminology (any case), as
 * priorities written before the plan editor may hold "Quality of education". Null if none.
 */
export function toPlanArea(value: string): PlanArea | null {
  if (isPlanArea(value)) return value;
  const wanted = value.trim().toLowerCase();
  for (const words of Object.values(areaWords)) {
    const found = planAreas.find((a) => words[a].toLowerCase() === wanted);
    if (found) return found;
  }
  return null;
}

/** The words for a self-evaluation area in this authority (an unknown value is shown as written). */
export function areaLabel(area: string, terminology: Terminology = "en-GB"): string {
  const key = toPlanArea(area);
  return key ? areaWords[terminology][key] : area;
}

/** The words for a judgement in this authority (Ofsted's grades, or the state review's). */
export function judgementLabel(judgement: Judgement, terminology: Terminology = "en-GB"): string {
  return judgementWords[terminology][judgement];
}

/** The judgements as select options, best first, with this authority's words. */
export function judgementOptions(terminology: Terminology = "en-GB") {
  return judgementValues.map((value) => ({ value, label: judgementLabel(value, terminology) }));
}

/** Who judges the school: "Ofsted" or "state review", for hints such as "the judgement you expect from …". */
export function inspectorateName(terminology: Terminology = "en-GB"): string {
  // One source for the word (terminology.ts); "State review" is a common noun mid-sentence, Ofsted a name.
  const word = termsFor(terminology).inspection;
  return word === "Ofsted" ? word : word.toLowerCase();
}

export function isPlanArea(value: string): value is PlanArea {
  return (planAreas as readonly string[]).includes(value);
}

/**
 * The areas a school evaluates itself on: the four common to every school, early years where the
 * school has pupils under five, and sixth form where it has students over sixteen.
 */
export function areasForPhase(phase: string): PlanArea[] {
  const areas: PlanArea[] = [
    "quality_of_education",
    "behaviour_and_attitudes",
    "personal_development",
    "leadership_and_management",
  ];
  if (["nursery", "primary", "all-through"].includes(phase)) areas.push("early_years");
  if (["secondary", "all-through"].includes(phase)) areas.push("sixth_form");
  return areas;
}

export const actionStatusLabels: Record<ActionStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  blocked: "Blocked",
};

/** What a comment is about, in words ("a target"), for notifications and thread headings. */
export const commentSubjectLabels: Record<CommentSubject, string> = {
  plan: "the plan",
  self_evaluation: "the self-evaluation",
  priority: "a priority",
  target: "a target",
  action: "an action",
};

/** The tone of a judgement badge: good news green, concerns amber and red. */
export function judgementTone(judgement: Judgement): "positive" | "neutral" | "warning" | "danger" {
  return ({ outstanding: "positive", good: "neutral", requires_improvement: "warning", inadequate: "danger" } as const)[
    judgement
  ];
}

/** "14 Oct 2026" for a date ("2026-10-14") or an instant, the same on server and browser. */
export function formatPlanDate(value: Date | string): string {
  return formatDay(value, "short-date");
}
