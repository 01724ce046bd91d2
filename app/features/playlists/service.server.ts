/**
 * A playlist's workflows outside the shared document: leaders mark resources done and suggest new
 * ones, facilitators approve or decline suggestions. Each checks the permission module first.
 */
import type { PlaylistItem } from "../../../collab/documents/playlist";
import { loadProjection } from "../../../collab/projections";
import type { Database } from "../../../db/client";
import {
  clearProgress,
  createSuggestion,
  decideSuggestion as decide,
  saveProgress,
} from "../../../db/queries/playlists";
import { listCohortLeaders } from "../../../db/queries/practice";
import { canDecideSuggestion, canMarkPlaylistProgress, canSuggestResource } from "../../kernel/permissions";
import type { Logger } from "../../utils/logger.server";
import type { PlaylistTarget } from "./page-data.server";
import type { ResourceInput } from "./schema";

type Deps = { db: Database; logger: Logger };
type Forbidden = { ok: false; reason: "forbidden"; message: string };
type Invalid = { ok: false; reason: "invalid"; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** Whether the person may do this on the playlist, with the words of the refusal. */
export function playlistRight(t: PlaylistTarget, right: "mark" | "suggest" | "decide"): { ok: true } | Forbidden {
  if (right === "mark" && !canMarkPlaylistProgress(t.actor, t.scope))
    return {
      ok: false,
      reason: "forbidden",
      message: "Only the school leaders using this playlist can mark resources done.",
    };
  if (right === "suggest" && !canSuggestResource(t.actor, t.scope))
    return {
      ok: false,
      reason: "forbidden",
      message: "Only the school leaders using this playlist can suggest resources.",
    };
  if (right === "decide" && !canDecideSuggestion(t.actor, t.scope))
    return {
      ok: false,
      reason: "forbidden",
      message: "Only the cohort's facilitators can approve or decline suggestions.",
    };
  return { ok: true };
}

/** Whether an item of the playlist as saved matches (read from its projection, never a replay). */
async function hasSavedItem(db: Database, t: PlaylistTarget, match: (item: PlaylistItem) => boolean) {
  return (await loadProjection(db, "playlist", t.playlistId)).items.some(match);
}

export type ProgressInput = { itemId: string; status: "done" | "done_with_partner"; partnerId?: string; note?: string };

/** Marks a resource done for the person, alone or with a partner who leads in the same cohort. */
export async function markProgress(
  deps: Deps,
  t: PlaylistTarget,
  input: ProgressInput,
): Promise<{ ok: true } | Forbidden | Invalid> {
  const allowed = playlistRight(t, "mark");
  if (!allowed.ok) return allowed;
  const me = t.actor.userId;
  if (!(await hasSavedItem(deps.db, t, (i) => i.id === input.itemId)))
    return { ok: false, reason: "invalid", formErrors: ["This resource is no longer in the playlist."] };
  let partner: string | null = null;
  if (input.status === "done_with_partner") {
    const peers = await listCohortLeaders(deps.db, t.cohortId);
    if (input.partnerId === me || !peers.some((p) => p.id === input.partnerId))
      return { ok: false, reason: "invalid", fieldErrors: { partnerId: ["Choose a colleague from your cohort."] } };
    partner = input.partnerId!;
  }
  await saveProgress(deps.db, {
    playlistId: t.playlistId,
    itemId: input.itemId,
    userId: me,
    status: input.status,
    partnerUserId: partner,
    note: input.note ?? "",
  });
  return { ok: true };
}

/** Takes back the person's mark on a resource. */
export async function undoProgress(deps: Deps, t: PlaylistTarget, itemId: string): Promise<{ ok: true } | Forbidden> {
  const allowed = playlistRight(t, "mark");
  if (!allowed.ok) return allowed;
  await clearProgress(deps.db, { playlistId: t.playlistId, itemId, userId: t.actor.userId });
  return { ok: true };
}

/** Suggests a resource that is not in the playlist yet; it waits for a facilitator's decision. */
export async function suggestResource(
  deps: Deps,
  t: PlaylistTarget,
  input: ResourceInput,
): Promise<{ ok: true } | Forbidden | Invalid> {
  const allowed = playlistRight(t, "suggest");
  if (!allowed.ok) return allowed;
  if (await hasSavedItem(deps.db, t, (i) => i.url === input.url))
    return { ok: false, reason: "invalid", fieldErrors: { url: ["This resource is already in the playlist."] } };
  const row = await createSuggestion(deps.db, { ...input, playlistId: t.playlistId, suggestedBy: t.actor.userId });
  deps.logger.info("resource suggested", { suggestionId: row.id, playlistId: t.playlistId, by: t.actor.userId });
  return { ok: true };
}

/** Approves or declines a pending suggestion; "gone" when it is unknown or was decided a moment ago. */
export async function decideSuggestion(
  deps: Deps,
  t: PlaylistTarget,
  input: { suggestionId: string; decision: "approved" | "declined" },
): Promise<{ ok: true; suggestionId: string } | Forbidden | { ok: false; reason: "gone" }> {
  const allowed = playlistRight(t, "decide");
  if (!allowed.ok) return allowed;
  const decided = await decide(deps.db, {
    id: input.suggestionId,
    playlistId: t.playlistId,
    status: input.decision,
    decidedBy: t.actor.userId,
  });
  return decided ? { ok: true, suggestionId: decided.id } : { ok: false, reason: "gone" };
}
