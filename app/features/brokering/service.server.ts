/**
 * Brokering good practice between schools: the SIP proposes a link to a school with measured
 * impact on a similar priority (its leaders are asked, without being named to anyone), and the
 * partner school's leaders consent or decline (the SIP who proposed is told). Write, then notify.
 */
import * as brokering from "../../../db/queries/brokering";
import { canDecideBrokering, canDoSipWork } from "../../kernel/permissions";
import type { CurrentActor } from "../auth/guard.server";
import { notifyEach } from "../notifications/service.server";
import type { SchoolScope } from "../schools/guard.server";
import { refuse, type Refused, type WriteDeps } from "../schools/service-deps.server";
import { findMatches } from "./matches.server";

/** The page where a school's leaders decide on a proposal. */
export const proposalPath = (proposalId: string) => `/brokering/${proposalId}`;

export type ProposeInput = { priorityId: string; partnerPriorityId: string; reason: string };

/**
 * Proposes a link between one of the school's priorities and a matching priority of another school.
 * The match must still be one of that priority's matches (same authority, another school, same
 * pupils, measured improvement: `findMatches`); the partner's leaders are notified.
 */
export async function proposeLink(
  deps: WriteDeps,
  actor: CurrentActor,
  target: { scope: SchoolScope; year: string },
  input: ProposeInput,
): Promise<{ ok: true; proposalId: string } | Refused> {
  const { scope, year } = target;
  const assignment = scope.assignment;
  if (!canDoSipWork(actor, scope) || !assignment)
    return refuse(403, "Brokering links between schools is done by the school's School Improvement Partner.");
  const { db, logger } = deps;
  const { priorityId, partnerPriorityId, reason } = input;
  const matches = await findMatches(db, { authorityId: scope.authorityId, schoolId: scope.schoolId, year, priorityId });
  const match = matches?.find((m) => m.partnerPriorityId === partnerPriorityId);
  if (!match) return refuse(400, "That match is no longer available. Search again.");
  const proposal = await brokering.createProposal(db, {
    assignmentId: assignment.id,
    priorityId,
    partnerSchoolId: match.partnerSchoolId,
    partnerPriorityId,
    reason,
    proposedBy: actor.userId,
  });
  if (!proposal) return refuse(400, "You have already proposed this school for this priority.");
  const leaders = await brokering.listSchoolLeaders(db, match.partnerSchoolId);
  await notifyEach(
    deps,
    leaders.map((leader) => ({
      userId: leader.userId,
      title: "A School Improvement Partner would like to broker a link with your school",
      body: "Another school could learn from your practice. Nothing about your school is shared unless you consent.",
      link: proposalPath(proposal.id),
    })),
  );
  logger.info("brokering proposed", { proposalId: proposal.id, by: actor.userId });
  return { ok: true, proposalId: proposal.id };
}

type Proposal = NonNullable<Awaited<ReturnType<typeof brokering.getProposal>>>;

/** The partner school's leaders consent or decline, once; then the SIP who proposed it is told. */
export async function decideProposal(
  deps: WriteDeps,
  actor: CurrentActor,
  target: { proposal: Proposal; partner: SchoolScope },
  decision: "consented" | "declined",
): Promise<{ ok: true } | Refused> {
  const { proposal, partner } = target;
  if (!canDecideBrokering(actor, partner)) return refuse(404, "Not found");
  const { db, logger } = deps;
  if (!(await brokering.decideProposal(db, proposal.id, actor.userId, decision)))
    return refuse(409, "This proposal has already been decided.");
  if (proposal.proposedBy) {
    const consented = decision === "consented";
    await notifyEach(deps, [
      {
        userId: proposal.proposedBy,
        title: consented ? `${partner.name} consented to a brokered link` : "A school declined a brokered link",
        body: `On “${proposal.priorityTitle}” for ${proposal.requestingSchoolName}.`,
        link: `/schools/${proposal.requestingSchoolId}/brokering`,
      },
    ]);
  }
  logger.info("brokering decided", { proposalId: proposal.id, decision, by: actor.userId });
  return { ok: true };
}
