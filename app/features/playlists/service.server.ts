/**
 * A playlist's workflows outside the shared document: leaders mark resources done and suggest new
 * ones, facilitators approve or decline suggestions. Each checks the permission module first.
 */
import { playlistRules, type PlaylistItem } from "../../../collab/documents/playlist";
import { may } from "../../../collab/documents/rules";
import { loadProjection } from "../../../collab/projections";
import type { Database } from "../../../db/client";
import {
  clearProgress,
  createSuggestion,
  decideSuggestion as decide,
  saveProgress,
} from "../../../db/queries/playlists";
import { listCohortLeaders } from "../../../db/queries/practice";
import type { AllowedHost } from "../link-previews/address-check";
import { previewKey, type LinkPreview } from "../link-previews/preview-key";
import { ensurePreviews, MAX_FETCHES_PER_CALL, prefetchPreviews } from "../link-previews/service.server";
import type { Logger } from "../../utils/logger.server";
import { playlistActor, type PlaylistTarget } from "./page-data.server";
import type { ResourceInput } from "./schema";

type Deps = { db: Database; logger: Logger };
type Forbidden = { ok: false; reason: "forbidden"; message: string };
type Invalid = { ok: false; reason: "invalid"; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

const refusals = {
  mark: "Only the school leaders using this playlist can mark resources done.",
  suggest: "Only the school leaders using this playlist can suggest resources.",
  decide: "Only the cohort's facilitators can approve or decline suggestions.",
} as const;

/** Whether the person may do this on the playlist (the rule declared beside its shape), with the words of the refusal. */
export function playlistRight(t: PlaylistTarget, right: keyof typeof refusals): { ok: true } | Forbidden {
  if (may(playlistActor(t), playlistRules[right])) return { ok: true };
  return { ok: false, reason: "forbidden", message: refusals[right] };
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
): Promise<{ ok: true; suggestionId: string; url: string } | Forbidden | { ok: false; reason: "gone" }> {
  const allowed = playlistRight(t, "decide");
  if (!allowed.ok) return allowed;
  const decided = await decide(deps.db, {
    id: input.suggestionId,
    playlistId: t.playlistId,
    status: input.decision,
    decidedBy: t.actor.userId,
  });
  return decided ? { ok: true, suggestionId: decided.id, url: decided.url } : { ok: false, reason: "gone" };
}

/** What fetching previews needs beyond the database: the hosts allowed although not public. */
export type PreviewSettings = { allowHosts: readonly AllowedHost[] };

/** How long a page waits for previews being fetched; a slower fetch finishes in the background. */
const PREVIEW_WAIT_MS = 6_000;

/**
 * The link previews of some of the playlist's addresses, fetched now when not cached. Anyone who
 * can see the playlist may ask, but only for addresses in the playlist as saved, so the server never
 * fetches an arbitrary address for a reader; a curator may also ask for the one they are adding
 * (the saved playlist can be a second behind the live one). `waiting` lists what is not ready yet.
 */
export async function playlistPreviews(
  deps: Deps & PreviewSettings,
  t: PlaylistTarget,
  urls: string[],
): Promise<{ previews: Record<string, LinkPreview>; waiting: string[] }> {
  const keys = [...new Set(urls.map(previewKey).filter((k): k is string => k !== null))].slice(0, MAX_FETCHES_PER_CALL);
  const curator = may(playlistActor(t), playlistRules.curate);
  const saved = curator
    ? null
    : new Set((await loadProjection(deps.db, "playlist", t.playlistId)).items.map((i) => previewKey(i.url)));
  const fetchable = keys.filter((k) => saved === null || saved.has(k));
  const previews = await ensurePreviews(deps, fetchable, { waitMs: PREVIEW_WAIT_MS });
  return { previews, waiting: keys.filter((k) => !previews[k]) };
}

/** After a suggestion is approved: fetch its preview off the request path, so the card has it soon. */
export function prefetchApprovedPreview(deps: Deps & PreviewSettings, url: string) {
  prefetchPreviews(deps, [url]);
}
