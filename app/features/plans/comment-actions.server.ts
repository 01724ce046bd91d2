import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import type { CurrentActor } from "../auth/guard.server";
import { refuse, throwRefusal, type NotifyingDeps } from "../schools/service-deps.server";
import { addComment, commentRefusal, setThreadState } from "./comments.server";
import { pastYearMessage, type PlanAccess } from "./guard.server";
import { CommentSchema, ThreadStateSchema } from "./schema";

export const commentIntents = ["comment", "thread-state"] as const;

/** Whether a plan form's intent is one of the comment forms (handled by commentAction). */
export const isCommentIntent = (intent: string) => (commentIntents as readonly string[]).includes(intent);

/**
 * The plan's comment forms: a new comment or reply (addComment), resolving or reopening a thread
 * (setThreadState). 403 for those who only read; each form's result carries the key of the item
 * or thread it belongs to, so only that form shows it.
 */
export async function commentAction(deps: NotifyingDeps, actor: CurrentActor, access: PlanAccess, form: FormData) {
  const past = pastYearMessage(access);
  if (past) throwRefusal(refuse(403, past));
  const refusal = commentRefusal(access);
  if (refusal) throwRefusal(refusal);
  const intent = form.get("intent");

  if (intent === "thread-state") {
    const submission = parseWithZod(form, { schema: ThreadStateSchema });
    const key = String(form.get("commentId") ?? "");
    const notFound = { formErrors: ["That comment thread was not found."] };
    if (submission.status !== "success")
      return json({ intent, key, result: submission.reply(notFound) }, { status: 400 });
    const changed = await setThreadState(deps, actor, access, {
      commentId: submission.value.commentId,
      resolved: submission.value.resolved === "true",
    });
    if (!changed.ok)
      return json({ intent, key, result: submission.reply({ formErrors: [changed.message] }) }, { status: 400 });
    return json({ intent, key, result: submission.reply({ resetForm: true }) });
  }

  const submission = parseWithZod(form, { schema: CommentSchema });
  const key = String(form.get("parentId") || form.get("subjectId") || "");
  if (submission.status !== "success") return json({ intent, key, result: submission.reply() }, { status: 400 });
  const added = await addComment(deps, actor, access, submission.value);
  if (!added.ok)
    return json({ intent, key, result: submission.reply({ formErrors: [added.message] }) }, { status: 400 });
  return json({ intent, key, result: submission.reply({ resetForm: true }), commentId: added.commentId });
}
