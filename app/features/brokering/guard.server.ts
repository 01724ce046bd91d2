import type { AppLoadContext } from "@remix-run/node";
import { getProposal } from "../../../db/queries/brokering";
import { getSchoolScope } from "../../../db/queries/school-scope";
import { canDecideBrokering, canDoSipWork } from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";
import { forbidden, notFound, requireIdParam } from "../../utils/http.server";
import { requireActor } from "../auth/guard.server";
import { requireSchoolImprovement } from "../schools/guard.server";

/** Brokering is the SIP's work: the school's leaders and the authority's admins are told so (403), everyone else 404. */
export async function requireBrokering(context: AppLoadContext, request: Request, schoolIdParam: string | undefined) {
  const guard = await requireSchoolImprovement(context, request, schoolIdParam);
  if (!canDoSipWork(guard.actor, guard.scope))
    forbidden("Brokering links between schools is done by the school's School Improvement Partner.");
  return guard;
}

/** A proposal and its partner school, for the partner school's leaders, who decide; to anyone else it does not exist (404). */
export async function requireProposalDecider(
  context: AppLoadContext,
  request: Request,
  proposalIdParam: string | undefined,
) {
  const actor = await requireActor(context, request);
  const proposal = await getProposal(context.services.db, requireIdParam(proposalIdParam));
  if (!proposal) notFound();
  const partner = await getSchoolScope(context.services.db, proposal.partnerSchoolId, schoolYearOf(new Date()));
  if (!partner || !canDecideBrokering(actor, partner)) notFound();
  return { actor, proposal, partner };
}
