/**
 * The plan's feedback loop: a comment or reply on any item, and resolving or reopening a thread.
 * The assigned SIP and the school's leaders may comment (canCommentOnPlan); authority admins read
 * only. After the write, the other side hears about it: a SIP's comment reaches every leader of the
 * school in the app and by email; a leader's comment reaches the SIP in the app.
 */
import * as comments from "../../../db/queries/plan-comments";
import type { CommentSubject } from "../../kernel/plan-areas";
import { commentSubjectLabels } from "../../kernel/plan-areas";
import { canDoSipWork } from "../../kernel/permissions";
import { roleLabel } from "../../kernel/terminology";
import type { CurrentActor } from "../auth/guard.server";
import { notifyEach, type NotificationInput } from "../notifications/service.server";
import { refuse, type NotifyingDeps, type Refused, type WriteDeps } from "../schools/service-deps.server";
import { planPath, type PlanAccessCore } from "./guard.server";

const excerpt = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

/** Why this person may not comment on the plan, or null when they may. */
export function commentRefusal(access: Pick<PlanAccessCore, "canComment">): Refused | null {
  return access.canComment
    ? null
    : refuse(403, "Only the school's leaders and its School Improvement Partner can comment on the plan.");
}

export type CommentInput = { subjectKind: CommentSubject; subjectId: string; parentId?: string | null; body: string };

/** Adds a comment (or a reply to a thread of the same item); then tells the other side. */
export async function addComment(
  deps: NotifyingDeps,
  actor: CurrentActor,
  access: PlanAccessCore,
  input: CommentInput,
): Promise<{ ok: true; commentId: string } | Refused> {
  const refusal = commentRefusal(access);
  if (refusal) return refusal;
  const { db, logger } = deps;
  const { subjectKind, subjectId, parentId, body } = input;
  // Nothing can be commented on before the school's leaders have started the plan.
  const planId = access.plan?.id;
  const subject = planId ? await comments.findPlanSubject(db, planId, subjectKind, subjectId) : null;
  if (!planId || !subject) return refuse(400, "That part of the plan was not found.");
  if (parentId) {
    const parent = await comments.getPlanComment(db, planId, parentId);
    if (!parent || parent.parentId || parent.subjectId !== subjectId)
      return refuse(400, "That comment thread was not found.");
  }
  const comment = await comments.addPlanComment(db, {
    planId,
    subjectKind,
    subjectId,
    parentId: parentId ?? null,
    authorId: actor.userId,
    body,
  });
  logger.info("plan comment added", { commentId: comment.id, planId, by: actor.userId });
  const link = planPath(access.scope.schoolId, subject.priorityId, `comment-${comment.id}`);
  await notifyEach(deps, await whoToTell(deps, actor, access, { ...input, link }));
  return { ok: true, commentId: comment.id };
}

/** Who hears about a new comment depends on who wrote it. */
async function whoToTell(
  deps: NotifyingDeps,
  actor: CurrentActor,
  access: PlanAccessCore,
  comment: CommentInput & { link: string },
): Promise<NotificationInput[]> {
  const { link, body, parentId } = comment;
  const author = actor.user.name;
  const what = commentSubjectLabels[comment.subjectKind];
  const school = access.school.name;
  if (!canDoSipWork(actor, access.scope)) {
    return access.scope.sipIds.map((userId) => ({
      userId,
      title: `${author} replied about ${what} in ${school}'s plan`,
      body: excerpt(body),
      link,
    }));
  }
  const sipWord = roleLabel("sip", access.school.terminology);
  const title = parentId
    ? `${author} replied about ${what} in your plan`
    : `${author} commented on ${what} in your plan`;
  const leaders = await comments.listSchoolLeaders(deps.db, access.scope.schoolId);
  return leaders.map((leader) => ({
    userId: leader.id,
    title,
    body: excerpt(body),
    link,
    email: {
      authorityId: access.scope.authorityId,
      to: leader.email,
      subject: `${school}: new feedback on your improvement plan`,
      text: `${author}, your ${sipWord}, wrote about ${what} in ${school}'s improvement plan:\n\n${body}\n\nRead and reply: ${deps.origin}${link}\n`,
    },
  }));
}

/** Resolves or reopens a thread of the plan. */
export async function setThreadState(
  deps: WriteDeps,
  actor: CurrentActor,
  access: PlanAccessCore,
  input: { commentId: string; resolved: boolean },
): Promise<{ ok: true } | Refused> {
  const refusal = commentRefusal(access);
  if (refusal) return refusal;
  const changed =
    access.plan &&
    (await comments.setThreadResolved(deps.db, access.plan.id, input.commentId, input.resolved ? actor.userId : null));
  if (!changed) return refuse(400, "That comment thread was not found.");
  deps.logger.info(input.resolved ? "plan thread resolved" : "plan thread reopened", {
    commentId: input.commentId,
    by: actor.userId,
  });
  return { ok: true };
}
