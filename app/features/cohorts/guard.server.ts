import type { AppLoadContext } from "@remix-run/node";
import { getAuthoritiesByIds } from "../../../db/queries/authorities";
import { getCohort } from "../../../db/queries/cohorts";
import { getCohortScope } from "../../../db/queries/community-scope";
import { forbidden, notFound, requireIdParam } from "../../utils/http.server";
import { canCreateCohort, canManageCohort, canParticipateInCohort, canViewCohort } from "../../kernel/permissions";
import { requireActor } from "../auth/guard.server";
import { schoolYearOf } from "../../kernel/school-year";

/** What a cohort page needs the person to be able to do. */
export type CohortNeed = "view" | "participate" | "manage";

/**
 * For every cohort page: the signed-in person, the cohort, its scope and what they may do.
 * Someone outside the cohort is told it does not exist (404, the same as a wrong id); someone
 * inside it who may not do this particular thing gets a 403 in plain words.
 */
export async function requireCohort(
  context: AppLoadContext,
  request: Request,
  cohortIdParam: string | undefined,
  need: CohortNeed = "view",
) {
  const actor = await requireActor(context, request);
  const cohortId = requireIdParam(cohortIdParam);
  const { db } = context.services;
  const [scope, cohort] = await Promise.all([
    getCohortScope(db, cohortId, schoolYearOf(new Date())),
    getCohort(db, cohortId),
  ]);
  if (!scope || !cohort || !canViewCohort(actor, scope)) notFound();
  const isFacilitator = canManageCohort(actor, scope);
  const isLeader = canParticipateInCohort(actor, scope);
  if (need === "manage" && !isFacilitator) forbidden("Only this cohort's facilitators can do that.");
  if (need === "participate" && !isLeader) forbidden("Only the school leaders of this cohort can do that.");
  return { actor, scope, cohort, isFacilitator, isLeader };
}

/** For the "start a cohort" page: the signed-in person and the authorities where they may start one (403 when none). */
export async function requireCohortCreator(context: AppLoadContext, request: Request) {
  const actor = await requireActor(context, request);
  const ids = [...new Set(actor.grants.map((g) => g.authorityId))].filter((id) => canCreateCohort(actor, id));
  if (ids.length === 0) forbidden("Only facilitators can start a cohort.");
  return { actor, authorities: await getAuthoritiesByIds(context.services.db, ids) };
}
