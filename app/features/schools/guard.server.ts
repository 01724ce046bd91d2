import { json, type AppLoadContext } from "@remix-run/node";
import { getSchool } from "../../../db/queries/schools";
import { getSchoolScope } from "../../../db/queries/school-scope";
import { notFound, requireIdParam } from "../../utils/http.server";
import {
  canDoSipWork,
  canViewSchool,
  canViewSchoolImprovement,
  governsSchool,
  reportAudiencesFor,
  type Actor,
} from "../../kernel/permissions";
import { requireActor } from "../auth/guard.server";
import type { GovernorPlanRefusal } from "../plans/governor-refusal";
import { schoolYearOf } from "../../kernel/school-year";

/** A school, its authority and this year's SIP assignment, as the school guards found them. */
export type SchoolScope = NonNullable<Awaited<ReturnType<typeof getSchoolScope>>>;

/**
 * The signed-in person and the school's scope for this year, when `mayOpen` lets them in; anyone
 * else is told the page does not exist (404), so nothing reveals what a school has.
 */
async function requireSchoolScope(
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
  mayOpen: (actor: Actor, scope: SchoolScope) => boolean,
) {
  const actor = await requireActor(context, request);
  const schoolId = requireIdParam(schoolIdParam);
  const year = schoolYearOf(new Date());
  const scope = await getSchoolScope(context.services.db, schoolId, year);
  if (!scope || !mayOpen(actor, scope)) notFound();
  return { actor, scope, year };
}

/**
 * For a school's improvement pages (visits, visit records; the plan has requireSchoolPlan): the
 * signed-in person and the school's scope for this year. Anyone who may not see them — governors
 * included, and every other school's people — is told the page does not exist (404), so nothing
 * reveals what a school has.
 */
export const requireSchoolImprovement = (
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
) => requireSchoolScope(context, request, schoolIdParam, canViewSchoolImprovement);

/**
 * For a school's plan pages: like requireSchoolImprovement, but the school's own governors are told
 * in words (403, with the way to the reports addressed to them) that the plan is not theirs to see,
 * rather than a bare 404: they know the school, and only the plan itself is confidential (ADR 010).
 * Decided on the school alone, before any plan or priority is looked up, so it reveals nothing.
 */
export async function requireSchoolPlan(context: AppLoadContext, request: Request, schoolIdParam: string | undefined) {
  const found = await requireSchoolScope(
    context,
    request,
    schoolIdParam,
    (actor, scope) => canViewSchoolImprovement(actor, scope) || governsSchool(actor, scope.schoolId),
  );
  if (!canViewSchoolImprovement(found.actor, found.scope)) {
    const refusal: GovernorPlanRefusal = {
      kind: "governor-plan",
      reportsPath: `/schools/${found.scope.schoolId}/reports`,
    };
    throw json(refusal, { status: 403 });
  }
  return found;
}

/**
 * For a school's reports: like requireSchoolImprovement, but governors of the school get in too
 * (they may read the sections addressed to governors of shared reports). Pages still decide, per
 * report, which sections to show with reportAudiencesFor.
 */
export const requireSchoolReports = (context: AppLoadContext, request: Request, schoolIdParam: string | undefined) =>
  requireSchoolScope(
    context,
    request,
    schoolIdParam,
    (actor, scope) => reportAudiencesFor(actor, scope, "shared").length > 0,
  );

/** Anyone who may see the school (its people, this year's SIP, the authority) gets it and its scope; everyone else 404. */
export async function requireSchoolHome(context: AppLoadContext, request: Request, schoolIdParam: string | undefined) {
  const actor = await requireActor(context, request);
  const { db } = context.services;
  const schoolId = requireIdParam(schoolIdParam);
  const [school, scope] = await Promise.all([
    getSchool(db, schoolId),
    getSchoolScope(db, schoolId, schoolYearOf(new Date())),
  ]);
  // Someone who may not see a school is told it does not exist, not that it is forbidden.
  if (!school || !scope || !canViewSchool(actor, { ...school, sipIds: scope.sipIds })) notFound();
  return { actor, school, scope };
}

/**
 * Which of the school's sections the person may open: governors see Reports only; the plan and
 * visits are for leaders, the SIP and the authority; brokering is the assigned SIP's.
 */
export function schoolNavLinks(actor: Actor, scope: SchoolScope) {
  const improvement = canViewSchoolImprovement(actor, scope);
  return {
    plan: improvement,
    visits: improvement,
    reports: reportAudiencesFor(actor, scope, "shared").length > 0,
    brokering: canDoSipWork(actor, scope),
  };
}
