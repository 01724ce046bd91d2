/** The demo plans' content: priority templates with targets and actions, self-evaluation judgements and evidence. */
import type { Judgement, PlanArea } from "../../app/kernel/plan-areas";

type TargetSeed = { measure: string; studentGroup: string; baseline: number; target: number; actual: number | null };
/** One priority the demo plans write: its targets, actions and (optionally) a progress update. */
export type PrioritySeed = {
  title: string;
  area: PlanArea;
  rationale: string;
  targets: TargetSeed[];
  actions: Array<{ description: string; owner: string; status: "not_started" | "in_progress" | "done" | "blocked" }>;
  update?: string;
};

const attendance: PrioritySeed = {
  title: "Raise attendance of disadvantaged pupils",
  area: "behaviour_and_attitudes",
  rationale:
    "Persistent absence among pupils eligible for pupil premium is more than twice that of their peers, and it is concentrated in a few families we have not yet reached.",
  targets: [
    {
      measure: "Attendance %",
      studentGroup: "Disadvantaged (pupil premium)",
      baseline: 89.4,
      target: 94,
      actual: 91.8,
    },
    {
      measure: "Persistent absence %",
      studentGroup: "Disadvantaged (pupil premium)",
      baseline: 27.5,
      target: 15,
      actual: 21.0,
    },
  ],
  actions: [
    {
      description: "First-day calls home for every absence, with a named adult for each family",
      owner: "Attendance lead",
      status: "in_progress",
    },
    {
      description: "Breakfast club places offered to every persistently absent pupil",
      owner: "Deputy head",
      status: "done",
    },
  ],
  update: "Autumn review: attendance of disadvantaged pupils is up 2.4 pp since September; the breakfast club is full.",
};
const reading: PrioritySeed = {
  title: "Improve early reading so every pupil reads fluently by the end of Year 2",
  area: "quality_of_education",
  rationale:
    "Phonics screening results fell below the national figure last year, and too many pupils in Key Stage 2 still cannot decode confidently.",
  targets: [
    {
      measure: "Reading at expected standard %",
      studentGroup: "Disadvantaged (pupil premium)",
      baseline: 58,
      target: 70,
      actual: 63.5,
    },
    { measure: "Phonics screening check pass %", studentGroup: "All pupils", baseline: 74, target: 85, actual: null },
  ],
  actions: [
    {
      description: "Retrain all Key Stage 1 staff in the school's validated phonics programme",
      owner: "English lead",
      status: "done",
    },
    {
      description: "Daily catch-up phonics for the lowest 20% of readers in each class",
      owner: "Reading leader",
      status: "in_progress",
    },
  ],
};
const send: PrioritySeed = {
  title: "Include pupils with SEND fully in the curriculum",
  area: "quality_of_education",
  rationale:
    "Pupils with SEND are withdrawn from lessons more often than needed, and their progress in mathematics lags that of their peers.",
  targets: [{ measure: "Maths at expected standard %", studentGroup: "SEND", baseline: 31, target: 40, actual: null }],
  actions: [
    {
      description: "Adaptive teaching training for all teachers, led by the SENCo",
      owner: "SENCo",
      status: "in_progress",
    },
    {
      description: "Review every withdrawal intervention against its impact",
      owner: "Assistant head (inclusion)",
      status: "not_started",
    },
  ],
};
const maths: PrioritySeed = {
  title: "Embed a mastery approach in mathematics",
  area: "quality_of_education",
  rationale:
    "Pupils can follow procedures but struggle to reason; the curriculum moves on before most pupils have secured the key ideas.",
  targets: [
    { measure: "Maths at expected standard %", studentGroup: "All pupils", baseline: 64, target: 72, actual: 67 },
  ],
  actions: [
    { description: "Join the maths hub's Teaching for Mastery work group", owner: "Maths lead", status: "done" },
    { description: "Fortnightly lesson study in each phase", owner: "Maths lead", status: "in_progress" },
  ],
};
const behaviour: PrioritySeed = {
  title: "Reduce suspensions through a consistent, relational behaviour policy",
  area: "behaviour_and_attitudes",
  rationale:
    "Suspensions rose last year, mostly for repeated low-level disruption; staff apply the policy inconsistently.",
  targets: [
    {
      measure: "Pupils with at least one suspension %",
      studentGroup: "All pupils",
      baseline: 9.5,
      target: 5,
      actual: 7.1,
    },
  ],
  actions: [
    {
      description: "Relaunch the behaviour policy with scripts and routines for every classroom",
      owner: "Deputy head (behaviour)",
      status: "done",
    },
    {
      description: "Restorative conversations after every removal from class",
      owner: "Pastoral team",
      status: "in_progress",
    },
  ],
};
const leadership: PrioritySeed = {
  title: "Develop middle leaders so subject leadership drives the curriculum",
  area: "leadership_and_management",
  rationale: "Several subject leaders are new to the role and do not yet check how well their curriculum is taught.",
  targets: [
    {
      measure: "Subject reviews completed to the agreed standard %",
      studentGroup: "Middle leaders",
      baseline: 20,
      target: 100,
      actual: 45,
    },
  ],
  actions: [
    {
      description: "Half-termly subject review cycle, paired with a senior leader",
      owner: "Head teacher",
      status: "in_progress",
    },
  ],
};

const families: PrioritySeed = {
  title: "Build stronger partnerships with families",
  area: "leadership_and_management",
  rationale:
    "Families of disadvantaged pupils come to school events far less often, and tell us they do not feel the school is for them.",
  targets: [
    {
      measure: "Families attending a progress meeting %",
      studentGroup: "Disadvantaged (pupil premium)",
      baseline: 48,
      target: 75,
      actual: 61,
    },
  ],
  actions: [
    {
      description: "Hold progress meetings at the start and end of the day, and online",
      owner: "Family liaison officer",
      status: "done",
    },
    {
      description: "Ask families what would help, with the community of practice's survey",
      owner: "Head teacher",
      status: "in_progress",
    },
  ],
};

/** The template that fits a priority someone else already wrote, by what its title is about. */
export function templateFor(title: string): PrioritySeed {
  const t = title.toLowerCase();
  if (/read|phonic/.test(t)) return reading;
  if (/attend|absence/.test(t)) return attendance;
  if (/famil|parent/.test(t)) return families;
  if (/math/.test(t)) return maths;
  if (/send|inclusion/.test(t)) return send;
  if (/behaviour|suspension/.test(t)) return behaviour;
  return leadership;
}

/** Two or three priorities per school, varied by phase so the network looks like a real one. */
export function prioritiesFor(phase: string, n: number): PrioritySeed[] {
  const secondary = ["secondary", "all-through", "alternative-provision"].includes(phase);
  const sets = secondary
    ? [
        [attendance, behaviour],
        [attendance, send, leadership],
        [behaviour, maths],
      ]
    : [
        [reading, attendance],
        [maths, send, reading],
        [attendance, reading, leadership],
      ];
  return sets[n % sets.length];
}

/** Self-evaluation judgements, one row per school (taken in turn), one column per area. */
export const judgementsBySchool: Judgement[][] = [
  ["good", "good", "good", "good", "good", "good"],
  ["requires_improvement", "good", "good", "requires_improvement", "good", "good"],
  ["requires_improvement", "requires_improvement", "good", "requires_improvement", "good", "requires_improvement"],
];
/** The evidence written against each self-evaluation area. */
export const evidence: Record<PlanArea, string> = {
  quality_of_education:
    "Curriculum plans are in place for every subject; book looks and lesson visits show they are taught well in most classes, less so in mathematics.",
  behaviour_and_attitudes:
    "Classrooms are calm and pupils are polite; attendance is below national, especially for disadvantaged pupils.",
  personal_development:
    "A broad enrichment offer with high take-up; the PSHE curriculum was reviewed with pupils this year.",
  leadership_and_management: "Governors challenge well; several middle leaders are new and developing their role.",
  early_years: "Children settle quickly; communication and language is the weakest area at the end of Reception.",
  sixth_form: "Retention from Year 12 to Year 13 is high; value added is in line with national.",
};
