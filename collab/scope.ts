import type { Actor } from "../app/kernel/permissions";
import type { Database } from "../db/client";
import { getCohortScope, getCommunityScope, getSessionScope, type Scope } from "../db/queries/community-scope";
import { getGrants } from "../db/queries/users";
import type { DocumentName } from "./doc-names";

/** The actor pages use for this person (grants loaded the same way), for the permission module. */
export async function loadActor(db: Database, userId: string): Promise<Actor> {
  return { userId, grants: await getGrants(db, userId) };
}

/**
 * The facts the permission module needs for a document, or null when the document does not
 * exist. Community kinds (the community room too) belong to a community; a playlist to a community or a whole cohort.
 * Session notes belong to a cohort's monthly session: the cohort's leaders and facilitators.
 */
export async function resolveDocumentScope(db: Database, doc: DocumentName, schoolYear: string): Promise<Scope | null> {
  switch (doc.kind) {
    case "inquiry":
    case "root-cause-board":
    case "hmw":
    case "community-room":
      return getCommunityScope(db, doc.id, schoolYear);
    case "playlist":
      return (
        (await getCommunityScope(db, doc.id, schoolYear)) ?? cohortWide(await getCohortScope(db, doc.id, schoolYear))
      );
    case "session-notes":
      return cohortWide(await getSessionScope(db, doc.id, schoolYear));
  }
}

/**
 * Cohort-wide documents (the cohort's playlist, session notes) are for the cohort's leaders and
 * facilitators only, like the cohort's pages: a SIP reads a community's documents because they are
 * evidence for their school, but has no part in the cohort's sessions (docs/decisions/009).
 */
function cohortWide(scope: Scope | null): Scope | null {
  return scope && { ...scope, sipIds: [] };
}
