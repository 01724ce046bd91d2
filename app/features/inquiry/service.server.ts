/** The inquiry's last step: a leader links the community's inquiry to priorities of their own school's plan. */
import type { Database } from "../../../db/client";
import { listSchoolPlans, setPlanLinks } from "../../../db/queries/plan-links";
import { canLinkInquiryToPlan, type CommunityScope } from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";
import type { CurrentActor } from "../auth/guard.server";
import type { Logger } from "../../utils/logger.server";

type Deps = { db: Database; logger: Logger };

export type LinkResult =
  | { ok: true }
  | { ok: false; reason: "forbidden"; message: string }
  | { ok: false; reason: "no-plan"; formErrors: string[] };

/**
 * Replaces the links between the inquiry and this school's plan of the year with these priorities.
 * Only the school's leader may, and only to priorities of that plan (a forged id is refused outright).
 */
export async function linkInquiryToPlan(
  deps: Deps,
  actor: CurrentActor,
  community: { id: string; scope: CommunityScope },
  input: { schoolId: string; priorityIds: readonly string[] },
): Promise<LinkResult> {
  const { schoolId, priorityIds } = input;
  if (!canLinkInquiryToPlan(actor, community.scope, schoolId))
    return { ok: false, reason: "forbidden", message: "You can link the inquiry only to your own school's plan." };
  const [plan] = await listSchoolPlans(deps.db, [schoolId], schoolYearOf(new Date()));
  if (!plan?.planId)
    return { ok: false, reason: "no-plan", formErrors: ["Your school has no plan for this year yet."] };
  const own = new Set(plan.priorities.map((p) => p.id));
  if (priorityIds.some((id) => !own.has(id)))
    return {
      ok: false,
      reason: "forbidden",
      message: "You can link the inquiry only to priorities of your own school's plan.",
    };
  await setPlanLinks(deps.db, {
    communityId: community.id,
    planId: plan.planId,
    priorityIds: [...new Set(priorityIds)],
    userId: actor.userId,
  });
  deps.logger.info("inquiry linked to plan", {
    communityId: community.id,
    schoolId,
    priorities: priorityIds.length,
    by: actor.userId,
  });
  return { ok: true };
}
