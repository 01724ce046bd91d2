/**
 * The trust survey's items, scale and aggregation. Plain data and pure functions (no drizzle
 * import) so the form, the loader and the chart share them. The facets follow Tschannen-Moran's
 * facets of trust, with predictability, which the source cohort found lacking.
 */
import type { surveyRounds as schemaRounds, trustFacets as schemaFacets } from "../../../db/schema/trust-survey";

export const trustFacets = [
  "benevolence",
  "honesty",
  "openness",
  "reliability",
  "competence",
  "predictability",
] as const;
export type TrustFacet = (typeof trustFacets)[number];
export const surveyRounds = ["start", "mid", "end"] as const;
export type SurveyRound = (typeof surveyRounds)[number];

// The lists above must stay the database's lists: this fails to compile if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const facetsMatchSchema: Same<TrustFacet, (typeof schemaFacets)[number]> = true;
export const roundsMatchSchema: Same<SurveyRound, (typeof schemaRounds)[number]> = true;

export const facetLabels: Record<TrustFacet, string> = {
  benevolence: "Benevolence",
  honesty: "Honesty",
  openness: "Openness",
  reliability: "Reliability",
  competence: "Competence",
  predictability: "Predictability",
};

export const roundLabels: Record<SurveyRound, string> = {
  start: "Start of year",
  mid: "Middle of year",
  end: "End of year",
};

/** The 5-point scale, 1 to 5. */
export const scaleLabels = [
  "Strongly disagree",
  "Disagree",
  "Neither agree nor disagree",
  "Agree",
  "Strongly agree",
] as const;
export const scaleValues = [1, 2, 3, 4, 5] as const;

export type SurveyItem = { id: string; facet: TrustFacet; text: string };

/** Two statements per facet. Ids are stored with each answer, so never reuse an id for new wording. */
export const surveyItems: readonly SurveyItem[] = [
  {
    id: "benevolence-1",
    facet: "benevolence",
    text: "The leaders in this cohort have my best interests, and my school's, at heart.",
  },
  {
    id: "benevolence-2",
    facet: "benevolence",
    text: "I can count on the others in this group to keep what I share confidential.",
  },
  {
    id: "honesty-1",
    facet: "honesty",
    text: "The leaders in this cohort say what they really think, even when it is uncomfortable.",
  },
  { id: "honesty-2", facet: "honesty", text: "The leaders in this cohort own up to their mistakes." },
  {
    id: "openness-1",
    facet: "openness",
    text: "The leaders in this cohort share what is not working in their schools, not only what is.",
  },
  {
    id: "openness-2",
    facet: "openness",
    text: "I can bring a problem I cannot solve to this group without being judged.",
  },
  {
    id: "reliability-1",
    facet: "reliability",
    text: "I can rely on the leaders in this cohort to do what they said they would between sessions.",
  },
  {
    id: "reliability-2",
    facet: "reliability",
    text: "The leaders in this cohort come to our sessions and come prepared.",
  },
  {
    id: "competence-1",
    facet: "competence",
    text: "The leaders in this cohort have the knowledge and skill to help with hard problems.",
  },
  {
    id: "competence-2",
    facet: "competence",
    text: "I would take advice from the leaders in this cohort back to my own school.",
  },
  {
    id: "predictability-1",
    facet: "predictability",
    text: "I know what to expect from the leaders in this cohort from one session to the next.",
  },
  {
    id: "predictability-2",
    facet: "predictability",
    text: "The way this group works together is consistent and clear to me.",
  },
];

/** One facet's results in a round: how many answered 1…5 (index 0 is 1), how many in all, the mean. */
export type FacetResult = {
  facet: TrustFacet;
  distribution: [number, number, number, number, number];
  total: number;
  mean: number | null;
};

/** Rounds to one decimal place, the precision the results are shown in. */
export function roundMean(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}

/**
 * Turns counts per (facet, value), as the database groups them, into every facet's distribution
 * and mean. Facets nobody answered come back with zero counts and no mean.
 */
export function summariseFacets(rows: ReadonlyArray<{ facet: string; value: number; count: number }>): FacetResult[] {
  return trustFacets.map((facet) => {
    const distribution: FacetResult["distribution"] = [0, 0, 0, 0, 0];
    for (const row of rows) {
      if (row.facet === facet && row.value >= 1 && row.value <= 5) distribution[row.value - 1] += Number(row.count);
    }
    const total = distribution.reduce((a, b) => a + b, 0);
    const sum = distribution.reduce((acc, n, i) => acc + n * (i + 1), 0);
    return { facet, distribution, total, mean: roundMean(sum, total) };
  });
}

/** How many more responses a round needs before its results can be shown. */
export function responsesStillNeeded(responses: number, minimum: number): number {
  return Math.max(0, minimum - responses);
}
