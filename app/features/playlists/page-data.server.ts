import { playlistRules } from "../../../collab/documents/playlist";
import { may, type DocActor } from "../../../collab/documents/rules";
import { loadProjection } from "../../../collab/projections";
import type { Database } from "../../../db/client";
import type { Scope } from "../../../db/queries/community-scope";
import { listProgress, listSuggestions, type ProgressRow, type Suggestion } from "../../../db/queries/playlists";
import { listCohortLeaders } from "../../../db/queries/practice";
import { colourFor } from "../../kernel/presence";
import { canMarkPlaylistProgress, type DocumentAccess } from "../../kernel/permissions";
import type { CurrentActor } from "../auth/guard.server";
import type { AllowedHost } from "../link-previews/address-check";
import { cachedPreviews } from "../link-previews/service.server";

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

/**
 * The person as the playlist's rules see them (`playlistRules` beside its shape): a curator (who
 * writes the document) acts as a facilitator; a leader who uses it as a member; anyone else reads.
 */
export function playlistActor(t: PlaylistTarget): DocActor {
  const curator = t.access === "write";
  return {
    userId: t.actor.userId,
    canWrite: curator || canMarkPlaylistProgress(t.actor, t.scope),
    isFacilitator: curator,
  };
}

/**
 * Everything both playlist pages (community and cohort) load: the document, the person's part in
 * it, presence, the rows, and the cached link previews of the items as saved (never fetched here).
 */
export async function playlistLoaderData(db: Database, t: PlaylistTarget, allowHosts: readonly AllowedHost[]) {
  const saved = await loadProjection(db, "playlist", t.playlistId);
  const [rows, previews] = await Promise.all([
    playlistPageData(db, t),
    cachedPreviews(
      db,
      saved.items.map((i) => i.url),
    ),
  ]);
  return {
    docName: t.docName,
    access: t.access === "write" ? ("write" as const) : ("read" as const),
    me: { id: t.actor.userId, name: t.actor.user.name, color: colourFor(t.actor.userId) },
    actor: playlistActor(t),
    previews,
    imageHttpHosts: allowHosts.map((a) => (a.port ? `${a.host}:${a.port}` : a.host)),
    ...rows,
  };
}

/** What the playlist page shows this person: only the rows their part needs. */
export async function playlistPageData(db: Database, t: PlaylistTarget) {
  const me = t.actor.userId;
  const actor = playlistActor(t);
  const canMark = may(actor, playlistRules.mark);
  const canDecide = may(actor, playlistRules.decide);
  const [progress, everyone, suggestions, partners] = await Promise.all([
    canDecide ? listProgress(db, t.playlistId) : canMark ? listProgress(db, t.playlistId, me) : ([] as ProgressRow[]),
    // The community's figure needs everyone's marks, but only their count per resource leaves the server.
    canDecide ? null : listProgress(db, t.playlistId),
    canDecide
      ? listSuggestions(db, t.playlistId, { pending: true })
      : canMark
        ? listSuggestions(db, t.playlistId, { by: me })
        : ([] as Suggestion[]),
    // A cohort playlist's leaders are the partner list already.
    !canMark ? [] : t.playlistId === t.cohortId ? t.leaders : listCohortLeaders(db, t.cohortId),
  ]);
  return {
    canMark,
    canSuggest: may(actor, playlistRules.suggest),
    canDecide,
    progress,
    suggestions,
    partners: partners.filter((p) => p.id !== me),
    leaders: canDecide ? t.leaders : [],
    communityProgress: communityProgress(everyone ?? progress, t.leaders),
  };
}

/**
 * The community's progress as a count of leaders done per resource, never who: the page divides
 * by (leaders x resources listed now), so a resource removed since does not count. Only marks by
 * the playlist's current leaders count.
 */
export function communityProgress(rows: ProgressRow[], leaders: Array<{ id: string }>) {
  const current = new Set(leaders.map((l) => l.id));
  const doneByItem: Record<string, number> = {};
  for (const row of rows) if (current.has(row.userId)) doneByItem[row.itemId] = (doneByItem[row.itemId] ?? 0) + 1;
  return { leaderCount: current.size, doneByItem };
}
