import { parseWithZod } from "@conform-to/zod";
import { json, type AppLoadContext } from "@remix-run/node";
import { createNotification } from "../../db/queries/notifications";
import { addPlanComment, findPlanSubject, getPlanComment, listSchoolLeaders, setThreadResolved } from "../../db/queries/plan-comments";
import { forbidden } from "./http.server";
import { commentSubjectLabels } from "./plan-areas";
import { CommentSchema, ThreadStateSchema } from "./plan-schema";
import { planPath, type PlanAccess } from "./plan.server";
import { roleLabel } from "./roles";

export const commentIntents = ["comment", "thread-state"] as const;

const excerpt = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

/**
 * The feedback loop's form actions: a new comment or reply, and resolving or reopening a thread.
 * The assigned SIP and the school's leaders may do all three (canCommentOnPlan); authority admins
 * read only (403). After the write, the other side hears about it: a SIP's comment reaches every
 * leader of the school in the app and by email; a leader's comment reaches the SIP in the app.
 */
export async function commentAction(context: AppLoadContext, request: Request, access: PlanAccess, form: FormData) {
  if (!access.canComment) forbidden("Only the school's leaders and its School Improvement Partner can comment on the plan.");
  const { db, mailer, logger, env } = context.services;
  const intent = form.get("intent");

  if (intent === "thread-state") {
    const submission = parseWithZod(form, { schema: ThreadStateSchema });
    const key = String(form.get("commentId") ?? "");
    if (submission.status !== "success" || !access.plan) return json({ intent, key, result: submission.reply({ formErrors: ["That comment thread was not found."] }) }, { status: 400 });
    const resolved = submission.value.resolved === "true";
    const changed = await setThreadResolved(db, access.plan.id, submission.value.commentId, resolved ? access.actor.userId : null);
    if (!changed) return json({ intent, key, result: submission.reply({ formErrors: ["That comment thread was not found."] }) }, { status: 400 });
    logger.info(resolved ? "plan thread resolved" : "plan thread reopened", { commentId: submission.value.commentId, by: access.actor.userId });
    return json({ intent, key, result: submission.reply({ resetForm: true }) });
  }

  const submission = parseWithZod(form, { schema: CommentSchema });
  // Each item and each thread has its own form: the key says which one to show the result in.
  const key = String(form.get("parentId") || form.get("subjectId") || "");
  if (submission.status !== "success") return json({ intent, key, result: submission.reply() }, { status: 400 });
  const { subjectKind, subjectId, parentId, body } = submission.value;
  // Nothing can be commented on before the school's leaders have started the plan.
  const planId = access.plan?.id;
  const subject = planId ? await findPlanSubject(db, planId, subjectKind, subjectId) : null;
  if (!planId || !subject) return json({ intent, key, result: submission.reply({ formErrors: ["That part of the plan was not found."] }) }, { status: 400 });
  if (parentId) {
    const parent = await getPlanComment(db, planId, parentId);
    if (!parent || parent.parentId || parent.subjectId !== subjectId)
      return json({ intent, key, result: submission.reply({ formErrors: ["That comment thread was not found."] }) }, { status: 400 });
  }
  const comment = await addPlanComment(db, { planId, subjectKind, subjectId, parentId: parentId ?? null, authorId: access.actor.userId, body });
  logger.info("plan comment added", { commentId: comment.id, planId, by: access.actor.userId });

  // Side effects after the write: who hears about it depends on who wrote.
  const link = planPath(access.scope.schoolId, subject.priorityId, `comment-${comment.id}`);
  const author = access.actor.user.name;
  const what = commentSubjectLabels[subjectKind];
  const isSip = access.scope.sipIds.includes(access.actor.userId);
  if (isSip) {
    const sipWord = roleLabel("sip", access.school.terminology);
    const leaders = await listSchoolLeaders(db, access.scope.schoolId);
    const title = parentId ? `${author} replied about ${what} in your plan` : `${author} commented on ${what} in your plan`;
    const origin = env.appUrl ?? new URL(request.url).origin;
    for (const leader of leaders) {
      await createNotification(db, { userId: leader.id, title, body: excerpt(body), link });
      await mailer.send({
        authorityId: access.scope.authorityId,
        to: leader.email,
        subject: `${access.school.name}: new feedback on your improvement plan`,
        text: `${author}, your ${sipWord}, wrote about ${what} in ${access.school.name}'s improvement plan:\n\n${body}\n\nRead and reply: ${origin}${link}\n`,
      });
    }
  } else {
    for (const sipId of access.scope.sipIds) {
      await createNotification(db, { userId: sipId, title: `${author} replied about ${what} in ${access.school.name}'s plan`, body: excerpt(body), link });
    }
  }
  return json({ intent, key, result: submission.reply({ resetForm: true }), commentId: comment.id });
}
