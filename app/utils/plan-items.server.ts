import { parseWithZod } from "@conform-to/zod";
import { json, type AppLoadContext } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import { addAction, addEvidenceLink, addProgressUpdate, addTarget, setActionStatus, setTargetActual, updatePriority } from "../../db/queries/plans";
import { invariantResponse } from "./http.server";
import { ActionSchema, ActionStatusSchema, EvidenceLinkSchema, PrioritySchema, ProgressUpdateSchema, TargetActualSchema, TargetSchema } from "./plan-schema";
import { requirePlanForEdit, type PlanAccess } from "./plan.server";

const intents = ["edit-priority", "add-target", "set-actual", "add-action", "set-status", "add-update", "add-evidence"] as const;
type Intent = (typeof intents)[number];

/** The forms that repeat per item say which item in their result, so only that form shows it. */
const keyOf = (intent: Intent, form: FormData) =>
  intent === "set-actual" ? String(form.get("targetId") ?? "") : intent === "set-status" ? String(form.get("actionId") ?? "") : undefined;

/**
 * A priority page's plan-writing forms. Only the school's leaders may write (403 otherwise);
 * invalid input comes back as field errors with what was typed kept (400).
 */
export async function priorityItemAction(context: AppLoadContext, access: PlanAccess, priorityId: string, intent: string, form: FormData) {
  invariantResponse((intents as readonly string[]).includes(intent), "Unknown request");
  await requirePlanForEdit(context, access);
  const { db, logger } = context.services;
  const known = intent as Intent;
  const key = keyOf(known, form);
  const by = access.actor.userId;
  // Each form: parse with its own schema, then write. Returns the submission and whether its item was found.
  async function run<S extends ZodTypeAny>(schema: S, write: (value: z.infer<S>) => Promise<unknown>) {
    const submission = parseWithZod(form, { schema });
    if (submission.status !== "success") return { submission, found: true };
    return { submission, found: (await write(submission.value)) !== false };
  }
  const handlers: Record<Intent, () => ReturnType<typeof run>> = {
    "edit-priority": () => run(PrioritySchema, (v) => updatePriority(db, priorityId, v)),
    "add-target": () => run(TargetSchema, (v) => addTarget(db, priorityId, v)),
    "set-actual": () => run(TargetActualSchema, (v) => setTargetActual(db, priorityId, v.targetId, v.actual ?? null)),
    "add-action": () => run(ActionSchema, (v) => addAction(db, priorityId, v)),
    "set-status": () => run(ActionStatusSchema, (v) => setActionStatus(db, priorityId, v.actionId, v.status)),
    "add-update": () => run(ProgressUpdateSchema, (v) => addProgressUpdate(db, priorityId, by, v.body)),
    "add-evidence": () => run(EvidenceLinkSchema, (v) => addEvidenceLink(db, priorityId, by, v)),
  };
  const { submission, found } = await handlers[known]();
  if (submission.status !== "success") return json({ intent, key, result: submission.reply() }, { status: 400 });
  if (!found) return json({ intent, key, result: submission.reply({ formErrors: ["That item is not part of this priority."] }) }, { status: 400 });
  logger.info("plan changed", { intent, priorityId, by });
  // Forms that add an item start empty again; per-item forms show the saved value from the loader.
  return json({ intent, key, result: submission.reply({ resetForm: intent.startsWith("add-") }) });
}
