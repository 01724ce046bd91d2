import type { Database } from "../../../db/client";
import type { Scope } from "../../../db/queries/community-scope";
import { listProgress, listSuggestions, type ProgressRow, type Suggestion } from "../../../db/queries/playlists";
import { listCohortLeaders } from "../../../db/queries/practice";
import { colourFor } from "../../kernel/presence";
import {
  canDecideSuggestion,
  canMarkPlaylistProgress,
  canSuggestResource,
  type DocumentAccess,
} from "../../kernel/permissions";
import type { CurrentActor } from "../auth/guard.server";

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
    canSuggest: canSuggestResource(t.actor, t.scope),
    canDecide,
    progress,
    suggestions,
    partners: partners.filter((p) => p.id !== me),
    leaders: canDecide ? t.leaders : [],
  };
}
