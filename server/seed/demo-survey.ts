import { closeRound, openRound, submitResponse, type SurveyAnswer } from "../../db/queries/trust-survey";
import { saveChallenge } from "../../db/queries/equity";
import type { trustFacets } from "../../db/schema/index";
import type { DemoContext } from "./demo-context";

type Facet = (typeof trustFacets)[number];

/**
 * A typical start of year: warm but guarded, with predictability lowest (as in the source cohort).
 * Mid-year is a little higher. Each head's answers vary around these by a fixed pattern.
 */
const startLevels: Record<Facet, number> = {
  benevolence: 4,
  honesty: 3,
  openness: 3,
  reliability: 4,
  competence: 4,
  predictability: 2,
};
const midLevels: Record<Facet, number> = {
  benevolence: 4,
  honesty: 4,
  openness: 4,
  reliability: 4,
  competence: 4,
  predictability: 3,
};
const wobble = [0, 1, -1, 0, 1, 0, -1, 1, 0, 0, -1, 1];
const items: Array<{ facet: Facet; item: string }> = (
  ["benevolence", "honesty", "openness", "reliability", "competence", "predictability"] as const
).flatMap((facet) => [1, 2].map((n) => ({ facet, item: `${facet}-${n}` })));

function response(levels: Record<Facet, number>, person: number): SurveyAnswer[] {
  return items.map(({ facet, item }, i) => ({
    facet,
    item,
    value: Math.min(5, Math.max(1, levels[facet] + wobble[(i + person * 5) % wobble.length])),
  }));
}

/** Equity challenges for the 15 heads, in the words head teachers use, so suggestions have something to find. */
const challenges: Array<{ text: string; tags: string[] }> = [
  {
    text: "Our PTA funds mostly pay for trips that the families who most need them cannot afford the deposits for.",
    tags: ["pta", "disadvantaged", "families"],
  },
  {
    text: "Parents of our disadvantaged pupils rarely come to parents' evenings, so we never hear what would help at home.",
    tags: ["parental engagement", "families", "disadvantaged"],
  },
  {
    text: "Persistent absence among disadvantaged pupils has not moved in two years despite first-day calling.",
    tags: ["attendance", "disadvantaged"],
  },
  {
    text: "Persistent absence in Year 9 is highest among pupils eligible for free school meals and our attendance officer is overwhelmed.",
    tags: ["attendance", "disadvantaged", "fsm"],
  },
  {
    text: "Nursery attendance drops every winter for families in temporary accommodation, and the children start Reception behind.",
    tags: ["attendance", "families", "early years"],
  },
  {
    text: "Attendance of pupils with SEND is far lower than their peers, and part-time timetables have become a habit.",
    tags: ["attendance", "send"],
  },
  {
    text: "Pupils with SEND in mainstream classes wait too long for support and behaviour incidents are rising.",
    tags: ["send", "inclusion"],
  },
  {
    text: "Families of pupils with SEND tell us they do not feel included, and the EHCP process takes over a year.",
    tags: ["send", "inclusion", "ehcp"],
  },
  {
    text: "Suspensions and exclusions fall most on pupils with SEND and on Black Caribbean boys; we want inclusion, not removal.",
    tags: ["exclusions", "send", "inclusion"],
  },
  {
    text: "Most of our pupils come to us after exclusions; reintegration to mainstream fails when the receiving school is not ready.",
    tags: ["exclusions", "inclusion"],
  },
  {
    text: "Reading gaps for pupil premium pupils in Year 7 are wide, and catch-up reading sessions clash with options.",
    tags: ["reading", "pupil premium"],
  },
  {
    text: "Newly arrived EAL families struggle to read our letters and our reading scheme assumes English at home.",
    tags: ["eal", "reading", "families"],
  },
  {
    text: "The reading gap for pupil premium pupils opens in Key Stage 3 and is wider for boys.",
    tags: ["reading", "pupil premium"],
  },
  {
    text: "Half our pupils are EAL and parental engagement is low because meetings are only in English.",
    tags: ["eal", "parental engagement", "families"],
  },
  {
    text: "Phonics outcomes for pupil premium pupils lag behind by the end of Year 1, and reading at home is patchy.",
    tags: ["reading", "pupil premium", "phonics"],
  },
];

/**
 * The trust survey and equity challenges of the demo cohort: a closed start-of-year round with 9
 * responses (results show), an open mid-year round with 3 (waiting for 2 more), and a challenge
 * for each of the 15 heads. The "Family partnership" community (heads 1 and 2) is left as it is.
 */
export async function seedSurveyAndChallenges(ctx: DemoContext) {
  const { db, cohortId, headIds } = ctx;
  const start = await openRound(db, { cohortId, round: "start", openedAt: new Date(Date.now() - 90 * 86_400_000) });
  if (!start.ok) throw new Error("demo: the start round could not be opened");
  for (const [i, userId] of headIds.slice(0, 9).entries())
    await submitResponse(db, { roundId: start.round.id, userId, answers: response(startLevels, i) });
  await closeRound(db, cohortId, start.round.id, new Date(Date.now() - 75 * 86_400_000));

  const mid = await openRound(db, { cohortId, round: "mid" });
  if (!mid.ok) throw new Error("demo: the mid round could not be opened");
  for (const [i, userId] of headIds.slice(0, 3).entries())
    await submitResponse(db, { roundId: mid.round.id, userId, answers: response(midLevels, i) });

  for (const [i, userId] of headIds.entries()) {
    const challenge = challenges[i % challenges.length];
    await saveChallenge(db, { cohortId, userId, ...challenge });
  }
}
