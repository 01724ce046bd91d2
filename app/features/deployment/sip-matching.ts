/**
 * Matching suggestions for an unassigned school: every SIP scored on the authority's deployment
 * criteria (continuity, locality, experience with the school's category, availability), each with
 * a plain explanation. Pure: the route loads the facts, this ranks them.
 */
import { formatDays, formatNumber } from "../visits/day-budget";
import { categoryLabels } from "../../kernel/school-phases";

export type MatchSchool = { category: string; locality: string; dayBudget: number; lastYearSipId: string | null };

export type MatchCandidate = {
  userId: string;
  name: string;
  locality: string;
  capacityDays: number;
  expertise: readonly string[];
  /** Days already budgeted to this SIP in the year being planned. */
  daysBudgeted: number;
  /** Earlier years' assignments to schools of the school's category. */
  categoryAssignments: number;
};

export type Criterion = "continuity" | "locality" | "experience" | "availability";
export type CriterionScore = { criterion: Criterion; label: string; points: number; max: number; explanation: string };
export type Suggestion = {
  userId: string;
  name: string;
  score: number;
  max: number;
  daysLeft: number;
  criteria: CriterionScore[];
};

/** Points per criterion. Continuity and availability weigh most: a known SIP with time to give. */
export const MATCH_WEIGHTS: Record<Criterion, number> = {
  continuity: 30,
  locality: 20,
  experience: 20,
  availability: 30,
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== "";

function continuity(school: MatchSchool, sip: MatchCandidate): CriterionScore {
  const base = { criterion: "continuity" as const, label: "Continuity", max: MATCH_WEIGHTS.continuity };
  if (school.lastYearSipId === sip.userId)
    return { ...base, points: base.max, explanation: "Worked with this school last year" };
  const explanation = school.lastYearSipId
    ? "Did not work with this school last year"
    : "The school had no SIP last year";
  return { ...base, points: 0, explanation };
}

function locality(school: MatchSchool, sip: MatchCandidate): CriterionScore {
  const base = { criterion: "locality" as const, label: "Locality", max: MATCH_WEIGHTS.locality };
  if (same(school.locality, sip.locality))
    return { ...base, points: base.max, explanation: `Works in ${sip.locality.trim()}, the school's locality` };
  if (!sip.locality.trim()) return { ...base, points: 0, explanation: "No locality recorded in their profile" };
  return { ...base, points: 0, explanation: `Works in ${sip.locality.trim()}; the school is in ${school.locality}` };
}

function experience(school: MatchSchool, sip: MatchCandidate): CriterionScore {
  const max = MATCH_WEIGHTS.experience;
  const category = (categoryLabels[school.category] ?? school.category).toLowerCase();
  const hasExpertise = sip.expertise.includes(school.category);
  // Half the points for stated expertise, half for a track record (two past schools earn it all).
  const record = Math.min(sip.categoryAssignments, 2) / 2;
  const points = Math.round((hasExpertise ? max / 2 : 0) + (record * max) / 2);
  const parts = [
    hasExpertise ? `Has expertise in ${category}` : `No stated expertise in ${category}`,
    sip.categoryAssignments === 0
      ? `has not supported a school in ${category} before`
      : `has supported ${sip.categoryAssignments} ${sip.categoryAssignments === 1 ? "school" : "schools"} in ${category} before`,
  ];
  return { criterion: "experience", label: "Experience", points, max, explanation: `${parts[0]}; ${parts[1]}` };
}

function availability(school: MatchSchool, sip: MatchCandidate): CriterionScore & { daysLeft: number } {
  const max = MATCH_WEIGHTS.availability;
  const daysLeft = sip.capacityDays - sip.daysBudgeted;
  const base = { criterion: "availability" as const, label: "Availability", max, daysLeft };
  const budget = formatNumber(school.dayBudget);
  if (daysLeft <= 0) {
    return {
      ...base,
      points: 0,
      explanation: `No capacity left (${formatNumber(sip.daysBudgeted)} of ${formatNumber(sip.capacityDays)} days already budgeted)`,
    };
  }
  if (daysLeft >= school.dayBudget)
    return {
      ...base,
      points: max,
      explanation: `${formatDays(daysLeft)} of capacity left — enough for a ${budget}-day budget`,
    };
  const points = Math.round((max * daysLeft) / school.dayBudget);
  return {
    ...base,
    points,
    explanation: `${formatDays(daysLeft)} of capacity left — not enough for a ${budget}-day budget`,
  };
}

/** Every SIP scored for the school, best first (ties: more days left, then name). */
export function rankSips(school: MatchSchool, candidates: readonly MatchCandidate[]): Suggestion[] {
  return candidates
    .map((sip) => {
      const avail = availability(school, sip);
      const { daysLeft, ...availScore } = avail;
      const criteria = [continuity(school, sip), locality(school, sip), experience(school, sip), availScore];
      return {
        userId: sip.userId,
        name: sip.name,
        score: criteria.reduce((s, c) => s + c.points, 0),
        max: criteria.reduce((s, c) => s + c.max, 0),
        daysLeft,
        criteria,
      };
    })
    .sort((a, b) => b.score - a.score || b.daysLeft - a.daysLeft || a.name.localeCompare(b.name));
}
