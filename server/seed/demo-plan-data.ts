/** The demo plans' content: priority templates with targets and actions, and which school has which priorities. */
import type { PlanArea } from "../../app/kernel/plan-areas";

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

const ks2Reading: PrioritySeed = {
  title: "Close the reading gap for disadvantaged pupils in Key Stage 2",
  area: "quality_of_education",
  rationale:
    "Disadvantaged pupils leave Year 6 well behind their classmates in reading; the gap opens in Years 3 and 4, when daily fluency practice stops.",
  targets: [
    {
      measure: "Reading at the expected standard in Key Stage 2 %",
      studentGroup: "Disadvantaged (pupil premium)",
      baseline: 55,
      target: 62,
      actual: 60,
    },
    {
      measure: "Reading, writing and maths combined in Key Stage 2 %",
      studentGroup: "All pupils",
      baseline: 60,
      target: 65,
      actual: 63,
    },
  ],
  actions: [
    {
      description: "Daily fluency practice with a trained adult for every disadvantaged pupil in Years 3 and 4",
      owner: "English lead",
      status: "in_progress",
    },
    {
      description: "Whole-class reading lessons three times a week in Years 5 and 6",
      owner: "Deputy head",
      status: "done",
    },
  ],
};
const earlyYears: PrioritySeed = {
  title: "Develop communication and language in the early years",
  area: "quality_of_education",
  rationale:
    "Children from the estate's temporary housing join us with speech well below their age, and winter absence means they miss the sessions that would close the gap.",
  targets: [
    {
      measure: "Children at the expected level in communication and language %",
      studentGroup: "All children",
      baseline: 64,
      target: 72,
      actual: 66,
    },
  ],
  actions: [
    {
      description: "Stories and songs sessions for families at drop-off, twice a week",
      owner: "Nursery lead",
      status: "done",
    },
    {
      description: "Speech and language screening for every child in the first half term",
      owner: "SENCo",
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
  if (/read/.test(t) && /key stage 2|ks2/.test(t)) return ks2Reading;
  if (/read|phonic/.test(t)) return reading;
  if (/communication|early years/.test(t)) return earlyYears;
  if (/attend|absence/.test(t)) return attendance;
  if (/famil|parent/.test(t)) return families;
  if (/math/.test(t)) return maths;
  if (/send|inclusion/.test(t)) return send;
  if (/behaviour|suspension/.test(t)) return behaviour;
  return leadership;
}

/**
 * Two or three priorities per demo school (by index: 0 is school 1), chosen for what each school is:
 * early reading only where there are infants, Key Stage 2 reading only where there is a Key Stage 2,
 * communication and language at the nursery, so the network looks like a real one.
 */
const bySchool: PrioritySeed[][] = [
  [ks2Reading, attendance, families], // Ashby Vale Primary
  [reading, families, attendance], // St Aidan's CofE Primary
  [attendance, behaviour], // Northfield Academy
  [attendance, send, leadership], // Riverside Community College
  [attendance, earlyYears], // Hollin Moor Infant and Nursery
  [ks2Reading, attendance], // Kingsmere Park Junior
  [send, attendance], // Oakfield Special
  [attendance, maths, leadership], // Brambley Hedge Primary
  [attendance, maths], // The Meadows All-Through
  [behaviour, attendance], // Fernside PRU
  [send, leadership], // St Mary's Catholic High
  [ks2Reading, families], // Wexcombe Primary
  [behaviour, maths], // Castle Hill Secondary
  [maths, send, ks2Reading], // Larkrise Primary
  [reading, attendance], // Greenway Infant
];

/** The priorities of demo school `n` (0-based); the phase is kept for schools beyond the fifteen. */
export function prioritiesFor(phase: string, n: number): PrioritySeed[] {
  if (bySchool[n]) return bySchool[n];
  return ["secondary", "all-through", "alternative-provision"].includes(phase)
    ? [attendance, behaviour]
    : [reading, attendance];
}
