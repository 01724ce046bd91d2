import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import { invariantResponse } from "../../utils/http.server";
import type { CurrentActor } from "../auth/guard.server";
import { throwRefusal, type Refused, type WriteDeps } from "../schools/service-deps.server";
import {
  ActionSchema,
  ActionStatusSchema,
  EvidenceLinkSchema,
  PrioritySchema,
  ProgressUpdateSchema,
  TargetActualSchema,
  TargetSchema,
} from "./schema";
import * as service from "./service.server";

type ItemWrite<S extends ZodTypeAny> = (
  deps: WriteDeps,
  actor: CurrentActor,
  target: service.PriorityTarget,
  input: z.infer<S>,
) => Promise<{ ok: true } | Refused>;
/** One intent: parse its form with its schema, then (when valid) call its service function. */
const item =
  <S extends ZodTypeAny>(schema: S, write: ItemWrite<S>) =>
  async (deps: WriteDeps, actor: CurrentActor, target: service.PriorityTarget, form: FormData) => {
    const submission = parseWithZod(form, { schema });
    return {
      submission,
      written: submission.status === "success" ? await write(deps, actor, target, submission.value) : null,
    };
  };

/** A priority page's plan-writing intents: each form's schema and the named service function it calls. */
const itemIntents = {
  "edit-priority": item(PrioritySchema, service.editPriority),
  "add-target": item(TargetSchema, service.addTarget),
  "set-actual": item(TargetActualSchema, service.setTargetActual),
  "add-action": item(ActionSchema, service.addAction),
  "set-status": item(ActionStatusSchema, service.setActionStatus),
  "add-update": item(ProgressUpdateSchema, service.addProgressUpdate),
  "add-evidence": item(EvidenceLinkSchema, service.addEvidenceLink),
};
type Intent = keyof typeof itemIntents;

/** The forms that repeat per item say which item in their result, so only that form shows it. */
const keyOf = (intent: Intent, form: FormData) =>
  intent === "set-actual"
    ? String(form.get("targetId") ?? "")
    : intent === "set-status"
      ? String(form.get("actionId") ?? "")
      : undefined;

/**
 * A priority page's plan-writing forms. Only the school's leaders may write (403 otherwise);
 * invalid input comes back as field errors with what was typed kept (400).
 */
export async function priorityItemAction(
  deps: WriteDeps,
  actor: CurrentActor,
  target: service.PriorityTarget,
  intent: string,
  form: FormData,
) {
  invariantResponse(Object.hasOwn(itemIntents, intent), "Unknown request");
  const refusal = service.planEditRefusal(target.access);
  if (refusal) throwRefusal(refusal);
  const known = intent as Intent;
  const key = keyOf(known, form);
  const { submission, written } = await itemIntents[known](deps, actor, target, form);
  if (!written) return json({ intent, key, result: submission.reply() }, { status: 400 });
  if (!written.ok)
    return json({ intent, key, result: submission.reply({ formErrors: [written.message] }) }, { status: 400 });
  // Forms that add an item start empty again; per-item forms show the saved value from the loader.
  return json({ intent, key, result: submission.reply({ resetForm: intent.startsWith("add-") }) });
}
