/**
 * The report page's form intents, each mapped to one named service function: parse the form with
 * its schema (field errors come back with the input kept), call the service, answer as the page
 * always did (a redirect, or the refusal's status and words).
 */
import { parseWithZod } from "@conform-to/zod";
import { json, redirect } from "@remix-run/node";
import type { CurrentActor } from "../auth/guard.server";
import { throwRefusal, type NotifyingDeps, type Refused } from "../schools/service-deps.server";
import { NewSectionSchema, SectionSchema } from "./sections";
import * as service from "./service.server";

type IntentArgs = {
  deps: NotifyingDeps;
  actor: CurrentActor;
  target: service.ReportTarget;
  formData: FormData;
  here: string;
};

/** A service's answer as the page's answer: a refusal throws its Response, success redirects. */
function done(result: { ok: true } | Refused, to: string) {
  if (!result.ok) throwRefusal(result);
  return redirect(to);
}

const sectionIdOf = (formData: FormData) => String(formData.get("sectionId") ?? "");

/** Intent name → handler. "acknowledge" is the reader's; every other intent is the draft's author's. */
export const reportIntents = {
  acknowledge: async ({ deps, actor, target, here }: IntentArgs) =>
    done(await service.acknowledgeReport(deps, actor, target), here),
  "save-section": async ({ deps, actor, target, formData, here }: IntentArgs) => {
    const sectionId = sectionIdOf(formData);
    const submission = parseWithZod(formData, { schema: SectionSchema });
    if (submission.status !== "success") return json({ form: sectionId, result: submission.reply() }, { status: 400 });
    return done(await service.saveSection(deps, actor, target, submission.value), `${here}#section-${sectionId}`);
  },
  "add-section": async ({ deps, actor, target, formData, here }: IntentArgs) => {
    const submission = parseWithZod(formData, { schema: NewSectionSchema });
    if (submission.status !== "success")
      return json({ form: "new-section", result: submission.reply() }, { status: 400 });
    return done(await service.addSection(deps, actor, target, submission.value), here);
  },
  "remove-section": async ({ deps, actor, target, formData, here }: IntentArgs) =>
    done(await service.removeSection(deps, actor, target, sectionIdOf(formData)), here),
  "move-up": async ({ deps, actor, target, formData, here }: IntentArgs) =>
    done(await service.moveSection(deps, actor, target, sectionIdOf(formData), "up"), here),
  "move-down": async ({ deps, actor, target, formData, here }: IntentArgs) =>
    done(await service.moveSection(deps, actor, target, sectionIdOf(formData), "down"), here),
  "add-partner": async ({ deps, actor, target, formData, here }: IntentArgs) =>
    done(await service.addSupportPartner(deps, actor, target, String(formData.get("proposalId") ?? "")), here),
  share: async ({ deps, actor, target, here }: IntentArgs) =>
    done(await service.shareReport(deps, actor, target), here),
};

export type ReportIntent = keyof typeof reportIntents;

/** The handler of an intent, or null for a name that is not one (never an inherited property). */
export function reportIntentHandler(intent: string) {
  return Object.hasOwn(reportIntents, intent) ? reportIntents[intent as ReportIntent] : null;
}
