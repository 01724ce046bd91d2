import { eq } from "drizzle-orm";
import { areasForPhase } from "../../app/kernel/plan-areas";
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
import { schoolProfiles, targetsFor, updateFor } from "./demo-school-profiles";
import { prioritiesFor, templateFor, type PrioritySeed } from "./demo-plan-data";
import { evidence, judgementsBySchool } from "./demo-self-evaluation";

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
      if (p.targets === 0 && p.actions === 0) await fill(p.id, templateFor(p.title), i);
    }
    // Add what the school does not already have, up to three priorities in all.
    const covered = new Set(existing.map((p) => templateFor(p.title)));
    for (const seed of seeds.filter((t) => !covered.has(t)).slice(0, Math.max(0, 3 - existing.length))) {
      const priority = await addPriority(db, plan.id, {
        title: seed.title,
        area: seed.area,
        rationale: seed.rationale,
      });
      await fill(priority.id, seed, i);
    }
    if (i === 0) await seedFeedbackThread(ctx, plan.id, schoolId);
  }

  /** Fills a priority from its template with school `i`'s own figures. */
  async function fill(priorityId: string, seed: PrioritySeed, i: number) {
    const profile = schoolProfiles[i % schoolProfiles.length];
    for (const t of targetsFor(seed.targets, profile, i + 1))
      await addTarget(db, priorityId, { ...t, byWhen: due(7, 16) });
    for (const [k, a] of seed.actions.entries())
      await addAction(db, priorityId, { ...a, due: k === 0 ? due(12, 19) : due(3, 27) });
    const update = updateFor(seed.title, profile, seed.update);
    if (update) await addProgressUpdate(db, priorityId, ctx.headIds[i] ?? null, update);
  }
}

/** sip1 asks about school 1's first target and head1 answers; a second question (on an action) awaits head1's reply. */
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
  // A second question, still waiting for the head: the head's home lists it as a reply to write.
  const action = (await getPriorityItems(db, first.id)).actions[0];
  if (action) {
    const waiting = await addPlanComment(db, {
      planId,
      subjectKind: "action",
      subjectId: action.id,
      parentId: null,
      authorId: sipId,
      body: "Who checks that this is happening in every class, and how will governors hear about it?",
    });
    await createNotification(db, {
      userId: headId,
      title: `${sip?.name ?? "Your School Improvement Partner"} commented on an action in your plan`,
      body: waiting.body,
      link: `/schools/${schoolId}/plan/priorities/${first.id}#comment-${waiting.id}`,
    });
  }
  await createNotification(db, {
    userId: sipId,
    title: `${head?.name ?? "The head teacher"} replied about a target in ${school?.name ?? "the school"}'s plan`,
    body: "We think so: the autumn assessment showed the gap narrowing in every year group.",
    link: `/schools/${schoolId}/plan/priorities/${first.id}#comment-${question.id}`,
  });
}
