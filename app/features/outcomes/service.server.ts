/** A school's year-end outcomes in a cohort: entering, correcting and deleting its rows. */
import type { Database } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { deleteOutcome, findOutcome, getOutcome, saveOutcome } from "../../../db/queries/outcomes";
import { canEditOutcomes, type CohortScope } from "../../kernel/permissions";
import type { CurrentActor } from "../auth/guard.server";
import type { Logger } from "../../utils/logger.server";
import { measureLabels, studentGroupLabels } from "./outcomes";
import type { OutcomeInput } from "./schema";

type Deps = { db: Database; logger: Logger };
type Cohort = { id: string; scope: CohortScope };
type Refused = { ok: false; reason: "forbidden"; message: string } | { ok: false; reason: "not-found" };

const forbidden: Refused = {
  ok: false,
  reason: "forbidden",
  message: "You can enter outcomes only for the school you lead.",
};

export type RecordOutcomeResult =
  { ok: true } | Refused | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

/** Saves a new row or changes one (`id`); one row per school, student group and measure. */
export async function recordOutcome(
  deps: Deps,
  actor: CurrentActor,
  cohort: Cohort,
  value: OutcomeInput,
): Promise<RecordOutcomeResult> {
  const { db } = deps;
  if (!canEditOutcomes(actor, cohort.scope, value.schoolId)) return forbidden;
  if (value.id) {
    const existing = await getOutcome(db, cohort.id, value.id);
    if (!existing) return { ok: false, reason: "not-found" };
    if (!canEditOutcomes(actor, cohort.scope, existing.schoolId)) return forbidden;
  }
  const what = `${measureLabels[value.measure]} for ${studentGroupLabels[value.studentGroup]}`;
  const alreadyEntered: RecordOutcomeResult = {
    ok: false,
    reason: "invalid",
    fieldErrors: { measure: [`${what} is already entered for this school: change that row instead.`] },
  };
  const clash = await findOutcome(db, {
    cohortId: cohort.id,
    schoolId: value.schoolId,
    studentGroup: value.studentGroup,
    measure: value.measure,
  });
  if (clash && clash.id !== value.id) return alreadyEntered;
  try {
    await saveOutcome(db, { ...value, actual: value.actual ?? null, cohortId: cohort.id, enteredBy: actor.userId });
  } catch (error) {
    // Someone saved the same figure a moment ago (the unique index caught it).
    if (isUniqueViolation(error)) return alreadyEntered;
    throw error;
  }
  deps.logger.info("outcome saved", { cohortId: cohort.id, schoolId: value.schoolId, by: actor.userId });
  return { ok: true };
}

/** Deletes a row of a school the person may enter outcomes for. */
export async function removeOutcome(
  deps: Deps,
  actor: CurrentActor,
  cohort: Cohort,
  id: string,
): Promise<{ ok: true } | Refused> {
  const row = await getOutcome(deps.db, cohort.id, id);
  if (!row) return { ok: false, reason: "not-found" };
  if (!canEditOutcomes(actor, cohort.scope, row.schoolId)) return forbidden;
  await deleteOutcome(deps.db, cohort.id, row.id);
  return { ok: true };
}
