/**
 * SIP time and visit records: log time against the day budget (an in-school visit opens a record,
 * and, when the visit is still to come, the school's leaders are asked for their pre-visit part),
 * remove an entry, and the two parts of a record, each of which tells the other side. Writes first,
 * then the notifications.
 */
import * as visits from "../../../db/queries/visits";
import type { VisitRecord } from "../../../db/queries/visits";
import { canCompletePreVisit, canDoSipWork } from "../../kernel/permissions";
import { formatCalendarDate, todayIn } from "../../kernel/dates";
import { authorityDateContext } from "../admin/authority-dates.server";
import type { CurrentActor } from "../auth/guard.server";
import { notifyEach } from "../notifications/service.server";
import type { SchoolScope } from "../schools/guard.server";
import { isPastSchoolYear } from "../schools/school-year.server";
import { nowOf, refuse, type Refused, type WriteDeps } from "../schools/service-deps.server";
import { budgetSummary } from "./day-budget";
import { asksPreVisit } from "./pre-visit";
import { schoolYearBounds } from "../../kernel/school-year";
import type { visitKinds } from "./schema";

type Assignment = NonNullable<SchoolScope["assignment"]>;
/**
 * A school with a SIP in a school year: where time is logged. `year` ("2025-26") is the year of
 * the scope; absent, it is this year's (callers that only ever work on the current year).
 */
export type AssignedSchool = { scope: SchoolScope; assignment: Assignment; year?: string };
/** One visit record of the school's assignment, as the record guard found it. */
export type RecordTarget = AssignedSchool & { record: VisitRecord };

/** The path of a visit record's page, where notifications about it point. */
export const recordPath = (schoolId: string, recordId: string) => `/schools/${schoolId}/visits/${recordId}`;

/** The school as a place to log time in `year`, or the refusal: only its SIP that year logs or removes time. */
export function timeLoggingTarget(actor: CurrentActor, scope: SchoolScope, year?: string): AssignedSchool | Refused {
  const { assignment } = scope;
  if (!canDoSipWork(actor, scope) || !assignment)
    return refuse(403, "Only the school's School Improvement Partner logs time.");
  return { scope, assignment, year };
}

/**
 * Past school years are the record of what happened: nobody changes their visits or records
 * afterwards (pages offer no forms; this refuses anything sent anyway).
 */
export function pastYearRefusal(deps: Pick<WriteDeps, "now">, year: string | undefined): Refused | null {
  return year && isPastSchoolYear(Number(year.slice(0, 4)), nowOf(deps))
    ? refuse(403, `The ${year.replace("-", "–")} school year is over: its visits and records are read only.`)
    : null;
}

const timeRefusal = (deps: WriteDeps, actor: CurrentActor, target: AssignedSchool) => {
  const allowed = timeLoggingTarget(actor, target.scope, target.year);
  return "ok" in allowed ? allowed : pastYearRefusal(deps, target.year);
};

/** The budget a new entry is checked against: days budgeted and used now, and the school year's dates. */
export async function currentBudget(deps: WriteDeps, assignment: Assignment, year: string) {
  const logged = await visits.listVisits(deps.db, assignment.id);
  return {
    dayBudget: assignment.dayBudget,
    used: budgetSummary(assignment.dayBudget, logged).used,
    ...schoolYearBounds(year),
  };
}

export type NewVisitInput = {
  visitDate: string;
  kind: (typeof visitKinds)[number];
  days: number;
  purpose: string;
  allowOverspend: boolean;
};
export type LogVisitResult =
  | { ok: true; recordId: string | null; preVisitAsked: boolean }
  | { ok: false; overspend: { budget: number; used: number } };

/**
 * Logs SIP time; an in-school visit opens its record. The school's leaders are asked for their part
 * (and told) only when the visit is still to come; one logged after the fact goes straight to the SIP.
 */
export async function logVisit(
  deps: WriteDeps,
  actor: CurrentActor,
  target: AssignedSchool,
  input: NewVisitInput,
): Promise<LogVisitResult | Refused> {
  const refusal = timeRefusal(deps, actor, target);
  if (refusal) return refusal;
  const { db, logger } = deps;
  const { scope, assignment } = target;
  const { allowOverspend, ...visit } = input;
  const askPreVisit = visit.kind === "in_school" && asksPreVisit(visit.visitDate, todayIn(undefined, nowOf(deps)));
  const logged = await visits.logVisit(db, { assignmentId: assignment.id, ...visit }, { allowOverspend, askPreVisit });
  if (!logged.ok) return { ok: false, overspend: { budget: logged.budget, used: logged.used } };
  if (logged.recordId && askPreVisit) {
    const link = recordPath(scope.schoolId, logged.recordId);
    const body = `Your SIP logged a visit on ${formatCalendarDate(visit.visitDate, "date", await authorityDateContext(db, scope.authorityId))}. Please complete the pre-visit part of its record.`;
    const leaders = await visits.listSchoolLeaderIds(db, scope.schoolId);
    await notifyEach(
      deps,
      leaders.map((userId) => ({ userId, title: "Pre-visit part to complete", body, link })),
    );
  }
  logger.info("sip time logged", { schoolId: scope.schoolId, days: visit.days, by: actor.userId });
  return { ok: true, recordId: logged.recordId, preVisitAsked: askPreVisit };
}

/** Removes an entry of logged time (a malformed id is simply not found). */
export async function removeVisit(
  deps: WriteDeps,
  actor: CurrentActor,
  target: AssignedSchool,
  visitId: string,
): Promise<{ ok: true } | Refused> {
  const refusal = timeRefusal(deps, actor, target);
  if (refusal) return refusal;
  const removed = UUID.test(visitId) && (await visits.deleteVisit(deps.db, target.assignment.id, visitId));
  return removed ? { ok: true } : refuse(400, "That entry was already removed.");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why this person may not write the school's pre-visit part, or null when they may (its leaders). */
export function preVisitRefusal(actor: CurrentActor, scope: SchoolScope): Refused | null {
  return canCompletePreVisit(actor, scope)
    ? null
    : refuse(403, "Only the school's leaders complete the pre-visit part.");
}

/** The school's pre-visit part; then the SIP is told. Refused (400) once the record is complete, or when it was not asked for. */
export async function savePreVisit(
  deps: WriteDeps,
  actor: CurrentActor,
  target: RecordTarget,
  input: { selfEvaluationUpdate: string; questions: string },
): Promise<{ ok: true } | Refused> {
  const refusal = preVisitRefusal(actor, target.scope) ?? pastYearRefusal(deps, target.year);
  if (refusal) return refusal;
  const { db, logger } = deps;
  const { scope, assignment, record } = target;
  if (!record.preVisitAsked)
    return refuse(400, "This visit was logged after it happened: no pre-visit part is asked for.");
  if (!(await visits.savePreVisit(db, assignment.id, record.id, { ...input, userId: actor.userId }))) {
    return refuse(400, "This record is complete and can no longer be changed.");
  }
  const body = `${scope.name} completed its part of the record of your visit on ${formatCalendarDate(record.visitDate, "date", await authorityDateContext(db, scope.authorityId))}.`;
  await notifyEach(deps, [
    {
      userId: assignment.sipUserId,
      title: "Pre-visit part completed",
      body,
      link: recordPath(scope.schoolId, record.id),
    },
  ]);
  logger.info("pre-visit part saved", { recordId: record.id, by: actor.userId });
  return { ok: true };
}

/** Why this person may not write the visit part, or null when they may (the school's SIP). */
export function visitPartRefusal(actor: CurrentActor, scope: SchoolScope): Refused | null {
  return canDoSipWork(actor, scope)
    ? null
    : refuse(403, "Only the school's School Improvement Partner writes the visit part.");
}

export type VisitPartInput = {
  performance: string;
  keyFactors: string;
  prioritiesAndTargets: string;
  howToAchieve: string;
  agreedActions: string;
};

/** The SIP's visit part, once the school's part is in; it completes the record and the school's leaders are told. */
export async function completeVisitRecord(
  deps: WriteDeps,
  actor: CurrentActor,
  target: RecordTarget,
  input: VisitPartInput,
): Promise<{ ok: true } | Refused> {
  const refusal = visitPartRefusal(actor, target.scope) ?? pastYearRefusal(deps, target.year);
  if (refusal) return refusal;
  const { db, logger } = deps;
  const { scope, assignment, record } = target;
  const state = visits.recordState(record);
  if (state !== "awaiting_sip")
    return refuse(
      400,
      state === "complete"
        ? "This record is already complete."
        : "The school has not completed its pre-visit part yet.",
    );
  if (!(await visits.completeVisitPart(db, assignment.id, record.id, input)))
    return refuse(400, "This record was completed a moment ago.");
  const body = `Your SIP completed the record of the visit on ${formatCalendarDate(record.visitDate, "date", await authorityDateContext(db, scope.authorityId))}.`;
  const leaders = await visits.listSchoolLeaderIds(db, scope.schoolId);
  await notifyEach(
    deps,
    leaders.map((userId) => ({
      userId,
      title: "Visit record complete",
      body,
      link: recordPath(scope.schoolId, record.id),
    })),
  );
  logger.info("visit record completed", { recordId: record.id, by: actor.userId });
  return { ok: true };
}
