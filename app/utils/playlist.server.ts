import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import * as Y from "yjs";
import { listItems } from "../../collab/documents/playlist";
import { createDatabaseStore } from "../../collab/store";
import type { Database } from "../../db/client";
import type { Scope } from "../../db/queries/community-scope";
import {
  clearProgress,
  createSuggestion,
  decideSuggestion,
  listProgress,
  listSuggestions,
  saveProgress,
  type ProgressRow,
  type Suggestion,
} from "../../db/queries/playlists";
import { listCohortLeaders } from "../../db/queries/practice";
import { colourFor } from "../components/collab/save-state";
import { forbidden } from "./http.server";
import { canDecideSuggestion, canMarkPlaylistProgress, canSuggestResource, type DocumentAccess } from "./permissions";
import type { CurrentActor } from "./permissions.server";
import { DecisionSchema, ProgressSchema, ResourceSchema } from "./playlist-schema";
import type { Logger } from "./logger.server";

/**
 * One playlist, a community's or a whole cohort's, after the route's guard: the shared document,
 * the person's access to it, and the leaders whose progress the facilitator sees.
 */
export type PlaylistTarget = {
  playlistId: string;
  cohortId: string;
  docName: string;
  actor: CurrentActor;
  scope: Scope;
  access: DocumentAccess;
  leaders: Array<{ id: string; name: string }>;
};

/** Everything both playlist pages (community and cohort) load: the document, access, presence and the rows. */
export async function playlistLoaderData(db: Database, t: PlaylistTarget) {
  return {
    docName: t.docName,
    access: t.access === "write" ? ("write" as const) : ("read" as const),
    me: { id: t.actor.userId, name: t.actor.user.name, color: colourFor(t.actor.userId) },
    ...(await playlistPageData(db, t)),
  };
}

/** What the playlist page shows this person: only the rows their part needs. */
export async function playlistPageData(db: Database, t: PlaylistTarget) {
  const me = t.actor.userId;
  const canMark = canMarkPlaylistProgress(t.actor, t.scope);
  const canDecide = canDecideSuggestion(t.actor, t.scope);
  const [progress, suggestions, partners] = await Promise.all([
    canDecide ? listProgress(db, t.playlistId) : canMark ? listProgress(db, t.playlistId, me) : ([] as ProgressRow[]),
    canDecide ? listSuggestions(db, t.playlistId, { pending: true }) : canMark ? listSuggestions(db, t.playlistId, { by: me }) : ([] as Suggestion[]),
    // A cohort playlist's leaders are the partner list already.
    !canMark ? [] : t.playlistId === t.cohortId ? t.leaders : listCohortLeaders(db, t.cohortId),
  ]);
  return {
    canMark,
    canSuggest: canSuggestResource(t.actor, t.scope),
    canDecide,
    progress,
    suggestions,
    partners: partners.filter((p) => p.id !== me),
    leaders: canDecide ? t.leaders : [],
  };
}

/** The items in the document as saved (a change reaches the database within a fraction of a second). */
async function savedItems(db: Database, docName: string) {
  const doc = new Y.Doc();
  try {
    await createDatabaseStore(db).load(docName, doc);
    return listItems(doc);
  } finally {
    doc.destroy();
  }
}

/** The playlist page's form actions: progress, suggestions and decisions. Access is checked per intent. */
export async function playlistAction(db: Database, logger: Logger, request: Request, t: PlaylistTarget) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const me = t.actor.userId;

  if (intent === "progress" || intent === "undo") {
    if (!canMarkPlaylistProgress(t.actor, t.scope)) forbidden("Only the school leaders using this playlist can mark resources done.");
    if (intent === "undo") {
      const itemId = String(form.get("itemId") ?? "");
      if (!itemId) return json({ form: intent, ok: false, error: "Choose a resource." }, { status: 400 });
      await clearProgress(db, { playlistId: t.playlistId, itemId, userId: me });
      return json({ form: intent, ok: true, itemId });
    }
    const submission = parseWithZod(form, { schema: ProgressSchema });
    if (submission.status !== "success") return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
    const { itemId, status, partnerId, note } = submission.value;
    if (!(await savedItems(db, t.docName)).some((i) => i.id === itemId)) {
      return json({ ...submission.reply({ formErrors: ["This resource is no longer in the playlist."] }), form: intent, ok: false }, { status: 400 });
    }
    let partner: string | null = null;
    if (status === "done_with_partner") {
      const peers = await listCohortLeaders(db, t.cohortId);
      if (partnerId === me || !peers.some((p) => p.id === partnerId)) {
        return json({ ...submission.reply({ fieldErrors: { partnerId: ["Choose a colleague from your cohort."] } }), form: intent, ok: false }, { status: 400 });
      }
      partner = partnerId!;
    }
    await saveProgress(db, { playlistId: t.playlistId, itemId, userId: me, status, partnerUserId: partner, note: note ?? "" });
    return json({ form: intent, ok: true, itemId });
  }

  if (intent === "suggest") {
    if (!canSuggestResource(t.actor, t.scope)) forbidden("Only the school leaders using this playlist can suggest resources.");
    const submission = parseWithZod(form, { schema: ResourceSchema });
    if (submission.status !== "success") return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
    if ((await savedItems(db, t.docName)).some((i) => i.url === submission.value.url)) {
      return json({ ...submission.reply({ fieldErrors: { url: ["This resource is already in the playlist."] } }), form: intent, ok: false }, { status: 400 });
    }
    const row = await createSuggestion(db, { ...submission.value, playlistId: t.playlistId, suggestedBy: me });
    logger.info("resource suggested", { suggestionId: row.id, playlistId: t.playlistId, by: me });
    return json({ ...submission.reply({ resetForm: true }), form: intent, ok: true });
  }

  if (intent === "approve" || intent === "decline") {
    if (!canDecideSuggestion(t.actor, t.scope)) forbidden("Only the cohort's facilitators can approve or decline suggestions.");
    const submission = parseWithZod(form, { schema: DecisionSchema });
    if (submission.status !== "success") return json({ ...submission.reply(), form: intent, ok: false }, { status: 400 });
    const decided = await decideSuggestion(db, {
      id: submission.value.suggestionId,
      playlistId: t.playlistId,
      status: intent === "approve" ? "approved" : "declined",
      decidedBy: me,
    });
    // Unknown, another playlist's, or already decided by another facilitator a moment ago.
    if (!decided) return json({ form: intent, ok: false, error: "This suggestion is no longer waiting for a decision." }, { status: 409 });
    return json({ form: intent, ok: true, suggestionId: decided.id });
  }

  return json({ form: intent, ok: false, error: "Unknown action." }, { status: 400 });
}
