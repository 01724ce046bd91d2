import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import { forbidden } from "../../utils/http.server";
import type { PlaylistTarget } from "./page-data.server";
import type { AppServices } from "../../utils/services.server";
import { DecisionSchema, ProgressSchema, ResourceSchema } from "./schema";
import { decideSuggestion, markProgress, playlistRight, suggestResource, undoProgress } from "./service.server";

type Deps = Pick<AppServices, "db" | "logger">;
type Handler = (deps: Deps, t: PlaylistTarget, form: FormData, intent: string) => Promise<Response>;

// Access is checked before the form is read, so a refusal is a 403 whatever was sent.
function requireRight(t: PlaylistTarget, right: Parameters<typeof playlistRight>[1]) {
  const allowed = playlistRight(t, right);
  if (!allowed.ok) forbidden(allowed.message);
}

const progress: Handler = async (deps, t, form, intent) => {
  requireRight(t, "mark");
  const submission = parseWithZod(form, { schema: ProgressSchema });
  if (submission.status !== "success") return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
  const marked = await markProgress(deps, t, submission.value);
  if (!marked.ok && marked.reason === "forbidden") forbidden(marked.message);
  if (!marked.ok)
    return json(
      {
        ...submission.reply({ formErrors: marked.formErrors, fieldErrors: marked.fieldErrors }),
        form: intent,
        ok: false,
      },
      { status: 400 },
    );
  return json({ form: intent, ok: true, itemId: submission.value.itemId });
};

const undo: Handler = async (deps, t, form, intent) => {
  requireRight(t, "mark");
  const itemId = String(form.get("itemId") ?? "");
  if (!itemId) return json({ form: intent, ok: false, error: "Choose a resource." }, { status: 400 });
  await undoProgress(deps, t, itemId);
  return json({ form: intent, ok: true, itemId });
};

const suggest: Handler = async (deps, t, form, intent) => {
  requireRight(t, "suggest");
  const submission = parseWithZod(form, { schema: ResourceSchema });
  if (submission.status !== "success") return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
  const suggested = await suggestResource(deps, t, submission.value);
  if (!suggested.ok && suggested.reason === "forbidden") forbidden(suggested.message);
  if (!suggested.ok)
    return json(
      { ...submission.reply({ fieldErrors: suggested.fieldErrors }), form: intent, ok: false },
      { status: 400 },
    );
  return json({ ...submission.reply({ resetForm: true }), form: intent, ok: true });
};

const decision: Handler = async (deps, t, form, intent) => {
  requireRight(t, "decide");
  const submission = parseWithZod(form, { schema: DecisionSchema });
  if (submission.status !== "success") return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
  const decided = await decideSuggestion(deps, t, {
    suggestionId: submission.value.suggestionId,
    decision: intent === "approve" ? "approved" : "declined",
  });
  if (!decided.ok && decided.reason === "forbidden") forbidden(decided.message);
  // Unknown, another playlist's, or already decided by another facilitator a moment ago.
  if (!decided.ok)
    return json(
      { form: intent, ok: false, error: "This suggestion is no longer waiting for a decision." },
      { status: 409 },
    );
  return json({ form: intent, ok: true, suggestionId: decided.suggestionId });
};

const intents: Record<string, Handler> = { progress, undo, suggest, approve: decision, decline: decision };

/** The playlist pages' form actions (community and cohort): each intent goes to its named service. */
export async function playlistAction(deps: Deps, request: Request, t: PlaylistTarget) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (!Object.hasOwn(intents, intent))
    return json({ form: intent, ok: false, error: "Unknown action." }, { status: 400 });
  return intents[intent](deps, t, form, intent);
}
