import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSession } from "../../../db/queries/sessions";
import { notFound, requireIdParam } from "../../utils/http.server";
import { requireCohort, type CohortNeed } from "../cohorts/guard.server";

/** For a session's pages: the cohort guard (view or manage), then the session of that cohort or 404. */
export async function requireSession(
  args: Pick<LoaderFunctionArgs, "context" | "request" | "params">,
  need: Extract<CohortNeed, "view" | "manage">,
) {
  const found = await requireCohort(args.context, args.request, args.params.cohortId, need);
  const session = await getSession(args.context.services.db, found.cohort.id, requireIdParam(args.params.sessionId));
  if (!session) notFound();
  return { ...found, session };
}
