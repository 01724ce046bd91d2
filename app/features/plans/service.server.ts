/**
 * Writing a school's improvement plan: only its leaders write (the SIP and the authority's admins
 * read); the plan starts on its first write. Each function checks, writes, then logs what changed.
 */
import * as plans from "../../../db/queries/plans";
import type { Plan } from "../../../db/queries/plans";
import type { CurrentActor } from "../auth/guard.server";
import { refuse, type Refused, type WriteDeps } from "../schools/service-deps.server";
import { pastYearMessage, type PlanAccess } from "./guard.server";
import type {
  ActionStatusSchema,
  EvidenceLinkSchema,
  PrioritySchema,
  SelfEvaluationSchema,
  TargetActualSchema,
  TargetSchema,
  ActionSchema,
} from "./schema";
import type { z } from "zod";

type Done = { ok: true } | Refused;

/** Why this person may not write the plan, or null when they may (the school's leaders). */
export function planEditRefusal(access: Pick<PlanAccess, "canEdit" | "pastYear">): Refused | null {
  const past = pastYearMessage(access);
  if (past) return refuse(403, past);
  return access.canEdit ? null : refuse(403, "Only the school's leaders can change its improvement plan.");
}

/** This year's plan, started now if this is its first write. */
export async function startPlan(deps: WriteDeps, access: PlanAccess): Promise<Plan | Refused> {
  const refusal = planEditRefusal(access);
  if (refusal) return refusal;
  return access.plan ?? (await plans.getOrCreatePlan(deps.db, access.scope.schoolId, access.year));
}

/** Saves the judgement and evidence of one area of the self-evaluation. */
export async function saveSelfEvaluation(
  deps: WriteDeps,
  actor: CurrentActor,
  plan: Plan,
  input: z.infer<typeof SelfEvaluationSchema>,
): Promise<Done> {
  await plans.upsertSelfEvaluation(deps.db, plan.id, input);
  deps.logger.info("self-evaluation saved", { planId: plan.id, area: input.area, by: actor.userId });
  return { ok: true };
}

/** Adds a priority at the end of the plan. */
export async function addPriority(
  deps: WriteDeps,
  actor: CurrentActor,
  plan: Plan,
  input: z.infer<typeof PrioritySchema>,
) {
  const priority = await plans.addPriority(deps.db, plan.id, input);
  deps.logger.info("priority added", { planId: plan.id, priorityId: priority.id, by: actor.userId });
  return { ok: true as const, priority };
}

/** One priority of a started plan, as the priority guard found it. */
export type PriorityTarget = { access: PlanAccess; priorityId: string };

/** The write of one item of a priority; `false` means the item is not this priority's. */
async function writeItem(
  deps: WriteDeps,
  actor: CurrentActor,
  target: PriorityTarget,
  change: string,
  write: () => Promise<unknown>,
): Promise<Done> {
  const refusal = planEditRefusal(target.access);
  if (refusal) return refusal;
  if ((await write()) === false) return refuse(400, "That item is not part of this priority.");
  deps.logger.info("plan changed", { intent: change, priorityId: target.priorityId, by: actor.userId });
  return { ok: true };
}

/** A named write of one item: the intent it logs, and the query that writes it. */
const itemWrite =
  <I>(
    change: string,
    write: (deps: WriteDeps, actor: CurrentActor, priorityId: string, input: I) => Promise<unknown>,
  ) =>
  (deps: WriteDeps, actor: CurrentActor, target: PriorityTarget, input: I) =>
    writeItem(deps, actor, target, change, () => write(deps, actor, target.priorityId, input));

/** Changes the priority's title, area and rationale. */
export const editPriority = itemWrite<z.infer<typeof PrioritySchema>>(
  "edit-priority",
  (deps, _actor, priorityId, input) => plans.updatePriority(deps.db, priorityId, input),
);

/** Adds a SMART target. */
export const addTarget = itemWrite<z.infer<typeof TargetSchema>>("add-target", (deps, _actor, priorityId, input) =>
  plans.addTarget(deps.db, priorityId, input),
);

/** Records a target's latest measured value (empty clears it). */
export const setTargetActual = itemWrite<z.infer<typeof TargetActualSchema>>(
  "set-actual",
  (deps, _actor, priorityId, input) => plans.setTargetActual(deps.db, priorityId, input.targetId, input.actual ?? null),
);

/** Adds an action. */
export const addAction = itemWrite<z.infer<typeof ActionSchema>>("add-action", (deps, _actor, priorityId, input) =>
  plans.addAction(deps.db, priorityId, input),
);

/** Moves an action to a new status. */
export const setActionStatus = itemWrite<z.infer<typeof ActionStatusSchema>>(
  "set-status",
  (deps, _actor, priorityId, input) => plans.setActionStatus(deps.db, priorityId, input.actionId, input.status),
);

/** Adds a dated progress note, signed by the writer. */
export const addProgressUpdate = itemWrite<{ body: string }>("add-update", (deps, actor, priorityId, input) =>
  plans.addProgressUpdate(deps.db, priorityId, actor.userId, input.body),
);

/** Adds a link to evidence. */
export const addEvidenceLink = itemWrite<z.infer<typeof EvidenceLinkSchema>>(
  "add-evidence",
  (deps, actor, priorityId, input) => plans.addEvidenceLink(deps.db, priorityId, actor.userId, input),
);
