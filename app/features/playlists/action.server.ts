import { parseWithZod } from "@conform-to/zod";
import type { Submission } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import { forbidden } from "../../utils/http.server";
import type { PlaylistTarget } from "./page-data.server";
import type { AppServices } from "../../utils/services.server";
import { DecisionSchema, ProgressSchema, ResourceSchema } from "./schema";
import {
  decideSuggestion,
  markProgress,
  playlistPreviews,
  playlistRight,
  prefetchApprovedPreview,
  suggestResource,
  undoProgress,
} from "./service.server";

type Deps = Pick<AppServices, "db" | "logger" | "env">;
type Handler = (deps: Deps, t: PlaylistTarget, form: FormData, intent: string) => Promise<Response>;

// Access is checked before the form is read, so a refusal is a 403 whatever was sent.
function requireRight(t: PlaylistTarget, right: Parameters<typeof playlistRight>[1]) {
  const allowed = playlistRight(t, right);
  if (!allowed.ok) forbidden(allowed.message);
}

type Written = Awaited<ReturnType<typeof markProgress | typeof suggestResource>>;
type Parsed<S extends ZodTypeAny> = Extract<Submission<z.input<S>, string[], z.infer<S>>, { status: "success" }>;

/**
 * A form that writes through one service: the right it needs (403 before the form is read), its
 * schema, the service, and the body of a success. Invalid input, or a write the service refuses as
 * invalid, comes back as the form's errors (400).
 */
const formIntent =
  <S extends ZodTypeAny>(
    right: Parameters<typeof playlistRight>[1],
    schema: S,
    write: (deps: Deps, t: PlaylistTarget, value: z.infer<S>) => Promise<Written>,
    done: (submission: Parsed<S>, intent: string) => Record<string, unknown>,
  ): Handler =>
  async (deps, t, form, intent) => {
    requireRight(t, right);
    const submission = parseWithZod(form, { schema });
    if (submission.status !== "success")
      return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
    const written = await write(deps, t, submission.value);
    if (!written.ok && written.reason === "forbidden") forbidden(written.message);
    if (!written.ok)
      return json(
        {
          ...submission.reply({ formErrors: written.formErrors, fieldErrors: written.fieldErrors }),
          form: intent,
          ok: false,
        },
        { status: 400 },
      );
    return json(done(submission, intent));
  };

const progress = formIntent("mark", ProgressSchema, markProgress, (submission, intent) => ({
  form: intent,
  ok: true,
  itemId: submission.value.itemId,
}));

const undo: Handler = async (deps, t, form, intent) => {
  requireRight(t, "mark");
  const itemId = String(form.get("itemId") ?? "");
  if (!itemId) return json({ form: intent, ok: false, error: "Choose a resource." }, { status: 400 });
  await undoProgress(deps, t, itemId);
  return json({ form: intent, ok: true, itemId });
};

const suggest = formIntent("suggest", ResourceSchema, suggestResource, (submission, intent) => ({
  ...submission.reply({ resetForm: true }),
  form: intent,
  ok: true,
}));

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
  if (intent === "approve") prefetchApprovedPreview(previewDeps(deps), decided.url);
  return json({ form: intent, ok: true, suggestionId: decided.suggestionId });
};

const previewDeps = (deps: Deps) => ({ db: deps.db, logger: deps.logger, allowHosts: deps.env.linkPreviewAllowHosts });

// Anyone who can see the playlist (the guard let them in); the service decides which addresses it fetches.
const previews: Handler = async (deps, t, form, intent) => {
  const urls = form.getAll("url").map(String);
  return json({ form: intent, ok: true, ...(await playlistPreviews(previewDeps(deps), t, urls)) });
};

const intents: Record<string, Handler> = { progress, undo, suggest, approve: decision, decline: decision, previews };

/** The playlist pages' form actions (community and cohort): each intent goes to its named service. */
export async function playlistAction(deps: Deps, request: Request, t: PlaylistTarget) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (!Object.hasOwn(intents, intent))
    return json({ form: intent, ok: false, error: "Unknown action." }, { status: 400 });
  return intents[intent](deps, t, form, intent);
}
