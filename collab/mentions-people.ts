import { inArray } from "drizzle-orm";
import { documentAccess, type Actor } from "../app/kernel/permissions";
import type { Database } from "../db/client";
import { roleGrants, users } from "../db/schema/index";
import type { DocumentName } from "./doc-names";
import { resolveDocumentScope } from "./scope";

/** Someone who can open a shared document, by name. */
export type DocumentReader = { id: string; name: string };

/**
 * Everyone who can open this document, sorted by name: the people its scope names, each asked of
 * the permission module with their grants loaded as pages and sockets load them (so a person the
 * module refuses is never offered for a mention, nor notified of one). Three queries after the scope.
 */
export async function peopleWhoCanOpen(db: Database, doc: DocumentName, schoolYear: string): Promise<DocumentReader[]> {
  const scope = await resolveDocumentScope(db, doc, schoolYear);
  if (!scope) return [];
  const ids = [...new Set([...scope.memberIds, ...scope.facilitatorIds, ...scope.sipIds])];
  if (ids.length === 0) return [];
  const [grants, names] = await Promise.all([
    db
      .select({
        userId: roleGrants.userId,
        role: roleGrants.role,
        authorityId: roleGrants.authorityId,
        schoolId: roleGrants.schoolId,
      })
      .from(roleGrants)
      .where(inArray(roleGrants.userId, ids)),
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
  ]);
  const actorOf = (userId: string): Actor => ({
    userId,
    grants: grants.filter((g) => g.userId === userId).map(({ userId: _, ...grant }) => grant),
  });
  return names
    .filter((person) => documentAccess(actorOf(person.id), doc.kind, scope) !== "none")
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}
