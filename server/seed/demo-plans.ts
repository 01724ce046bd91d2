import { eq } from "drizzle-orm";
import { areasForPhase, type Judgement, type PlanArea } from "../../app/kernel/plan-areas";
import { createNotification } from "../../db/queries/notifications";
import { addPlanComment, listPlanComments } from "../../db/queries/plan-comments";
import {
  addAction,
  addPriority,
  addProgressUpdate,
  addTarget,
  getOrCreatePlan,
  getPriorityItems,
  listPriorities,
  upsertSelfEvaluation,
} from "../../db/queries/plans";
import { getSchool } from "../../db/queries/schools";
import { getUser } from "../../db/queries/users";
import { schools } from "../../db/schema/index";
import type { DemoContext } from "./demo-context";

type TargetSeed = { measure: string; studentGroup: string; baseline: number; target: number; actual: number | null };
type PrioritySeed = {
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
function templateFor(title: string): PrioritySeed {
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
function prioritiesFor(phase: string, n: number): PrioritySeed[] {
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

const judgementsBySchool: Judgement[][] = [
  ["good", "good", "good", "good", "good", "good"],
  ["requires_improvement", "good", "good", "requires_improvement", "good", "good"],
  ["requires_improvement", "requires_improvement", "good", "requires_improvement", "good", "requires_improvement"],
];
const evidence: Record<PlanArea, string> = {
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

/**
 * A plan for every demo school: a self-evaluation, two or three priorities with SMART targets and
 * actions, and one SIP comment thread on school 1 with the head's reply. Schools 1 and 2 may
 * already have a plan and priorities (the cohort seed links an inquiry to them): those are kept
 * and filled in, never duplicated.
 */
export async function seedPlans(ctx: DemoContext) {
  const { db, schoolYear } = ctx;
  const startYear = Number(schoolYear.slice(0, 4));
  const due = (month: number, day: number) =>
    `${month >= 9 ? startYear : startYear + 1}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const phases = new Map(
    (
      await db
        .select({ id: schools.id, phase: schools.phase })
        .from(schools)
        .where(eq(schools.authorityId, ctx.authorityId))
    ).map((s) => [s.id, s.phase]),
  );

  for (const [i, schoolId] of ctx.schoolIds.entries()) {
    const phase = phases.get(schoolId) ?? "primary";
    const plan = await getOrCreatePlan(db, schoolId, schoolYear);
    const judgements = judgementsBySchool[i % judgementsBySchool.length];
    for (const [k, area] of areasForPhase(phase).entries()) {
      await upsertSelfEvaluation(db, plan.id, {
        area,
        judgement: judgements[k % judgements.length],
        evidence: evidence[area],
      });
    }
    const existing = await listPriorities(db, plan.id);
    const seeds = prioritiesFor(phase, i);
    // Fill in priorities that are already there (without targets or actions) from the template that fits them.
    for (const p of existing) {
      if (p.targets === 0 && p.actions === 0) await fill(p.id, templateFor(p.title), ctx.headIds[i]);
    }
    // Add what the school does not already have, up to three priorities in all.
    const covered = new Set(existing.map((p) => templateFor(p.title)));
    for (const seed of seeds.filter((t) => !covered.has(t)).slice(0, Math.max(0, 3 - existing.length))) {
      const priority = await addPriority(db, plan.id, {
        title: seed.title,
        area: seed.area,
        rationale: seed.rationale,
      });
      await fill(priority.id, seed, ctx.headIds[i]);
    }
    if (i === 0) await seedFeedbackThread(ctx, plan.id, schoolId);
  }

  async function fill(priorityId: string, seed: PrioritySeed, headId: string | null) {
    for (const t of seed.targets) await addTarget(db, priorityId, { ...t, byWhen: due(7, 16) });
    for (const [k, a] of seed.actions.entries())
      await addAction(db, priorityId, { ...a, due: k === 0 ? due(12, 19) : due(3, 27) });
    if (seed.update) await addProgressUpdate(db, priorityId, headId, seed.update);
  }
}

/** sip1 asks about school 1's first target; head1 answers; head1 has the alert waiting. */
async function seedFeedbackThread(ctx: DemoContext, planId: string, schoolId: string) {
  const { db } = ctx;
  const [first] = await listPriorities(db, planId);
  if (!first || (await listPlanComments(db, planId)).length) return;
  const { targets } = await getPriorityItems(db, first.id);
  const target = targets[0];
  if (!target) return;
  const sipId = ctx.sipIds[0];
  const headId = ctx.headIds[0];
  const [sip, head, school] = await Promise.all([getUser(db, sipId), getUser(db, headId), getSchool(db, schoolId)]);
  const question = await addPlanComment(db, {
    planId,
    subjectKind: "target",
    subjectId: target.id,
    parentId: null,
    authorId: sipId,
    body: `Is ${target.target}% realistic by July for ${target.studentGroup.toLowerCase()}? The autumn figure suggests the gap is closing; what does the trend since September show?`,
  });
  await addPlanComment(db, {
    planId,
    subjectKind: "target",
    subjectId: target.id,
    parentId: question.id,
    authorId: headId,
    body: "We think so: the autumn assessment showed the gap narrowing in every year group. We will bring the half-termly figures to your next visit.",
  });
  await createNotification(db, {
    userId: headId,
    title: `${sip?.name ?? "Your School Improvement Partner"} commented on a target in your plan`,
    body: question.body.slice(0, 157) + "…",
    link: `/schools/${schoolId}/plan/priorities/${first.id}#comment-${question.id}`,
  });
  await createNotification(db, {
    userId: sipId,
    title: `${head?.name ?? "The head teacher"} replied about a target in ${school?.name ?? "the school"}'s plan`,
    body: "We think so: the autumn assessment showed the gap narrowing in every year group.",
    link: `/schools/${schoolId}/plan/priorities/${first.id}#comment-${question.id}`,
  });
}
