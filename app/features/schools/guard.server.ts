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
import type { Database } from "../../../db/client";
import { schoolYearKey, schoolYearsFor } from "./school-year.server";

/** A school, its authority and this year's SIP assignment, as the school guards found them. */
export type SchoolScope = NonNullable<Awaited<ReturnType<typeof getSchoolScope>>>;

/**
 * Which school year a guard decides on: this year unless a page passes the year it shows (the year
 * switcher's `?year=`, as "2025-26"). Access is decided with that year's facts — the SIP assigned
 * that year — so a SIP keeps reading the records of a year they worked with the school, and gains
 * nothing in a year they did not.
 */
export type YearOption = { year?: string };

/**
 * The signed-in person and the school's scope for the year, when `mayOpen` lets them in; anyone
 * else is told the page does not exist (404), so nothing reveals what a school has.
 */
async function requireSchoolScope(
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
  mayOpen: (actor: Actor, scope: SchoolScope) => boolean,
  options: YearOption = {},
) {
  const actor = await requireActor(context, request);
  const schoolId = requireIdParam(schoolIdParam);
  const year = options.year ?? schoolYearOf(new Date());
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
  options: YearOption = {},
) => requireSchoolScope(context, request, schoolIdParam, canViewSchoolImprovement, options);

/**
 * For a school's plan pages: like requireSchoolImprovement, but the school's own governors are told
 * in words (403, with the way to the reports addressed to them) that the plan is not theirs to see,
 * rather than a bare 404: they know the school, and only the plan itself is confidential (ADR 010).
 * Decided on the school alone, before any plan or priority is looked up, so it reveals nothing.
 */
export async function requireSchoolPlan(
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
  options: YearOption = {},
) {
  const found = await requireSchoolScope(
    context,
    request,
    schoolIdParam,
    (actor, scope) => canViewSchoolImprovement(actor, scope) || governsSchool(actor, scope.schoolId),
    options,
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
export const requireSchoolReports = (
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
  options: YearOption = {},
) =>
  requireSchoolScope(
    context,
    request,
    schoolIdParam,
    (actor, scope) => reportAudiencesFor(actor, scope, "shared").length > 0,
    options,
  );

/**
 * Anyone who may see the school (its people, the year's SIP, the authority) gets it and its scope
 * for the year (this year unless given); everyone else 404.
 */
export async function requireSchoolHome(
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
  options: YearOption = {},
) {
  const actor = await requireActor(context, request);
  const { db } = context.services;
  const schoolId = requireIdParam(schoolIdParam);
  const year = options.year ?? schoolYearOf(new Date());
  const [school, scope] = await Promise.all([getSchool(db, schoolId), getSchoolScope(db, schoolId, year)]);
  // Someone who may not see a school is told it does not exist, not that it is forbidden.
  if (!school || !scope || !canViewSchool(actor, { ...school, sipIds: scope.sipIds })) notFound();
  return { actor, school, scope, year };
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

/**
 * The years the switcher offers this person on a school's page, newest first: the years with data
 * (schoolYearsFor) in which `mayOpen` lets them in with that year's facts, so nobody is offered a
 * year that would 404. The year shown is always offered.
 */
export async function switcherYears(
  db: Database,
  actor: Actor,
  schoolId: string,
  now: Date,
  shown: number,
  mayOpen: (actor: Actor, scope: SchoolScope) => boolean,
): Promise<number[]> {
  const years = await schoolYearsFor(db, schoolId, now, shown);
  const open = await Promise.all(
    years.map(async (y) => {
      if (y === shown) return true;
      const scope = await getSchoolScope(db, schoolId, schoolYearKey(y));
      return scope !== null && mayOpen(actor, scope);
    }),
  );
  return years.filter((_, i) => open[i]);
}
