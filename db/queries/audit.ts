import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, schools, users } from "../schema/index";

export type AuditResourceKind = (typeof auditLog.resourceKind.enumValues)[number];
export const auditResourceKinds = auditLog.resourceKind.enumValues;

/** Writes one audit row: `actorId` read `resourceKind` `resourceId` of `schoolId`, now. */
export async function recordRead(
  db: Database,
  entry: {
    authorityId: string;
    actorId: string;
    resourceKind: AuditResourceKind;
    resourceId: string;
    schoolId: string | null;
  },
): Promise<void> {
  await db.insert(auditLog).values({ ...entry, action: "read" });
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the authority's audit log, newest first, optionally for one school or one kind, with the total. */
export async function listAuditLog(
  db: Database,
  authorityId: string,
  filter: { schoolId?: string | null; resourceKind?: AuditResourceKind | null; page: number },
) {
  const conditions: SQL[] = [eq(auditLog.authorityId, authorityId)];
  if (filter.schoolId) conditions.push(eq(auditLog.schoolId, filter.schoolId));
  if (filter.resourceKind) conditions.push(eq(auditLog.resourceKind, filter.resourceKind));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        resourceKind: auditLog.resourceKind,
        resourceId: auditLog.resourceId,
        actorName: users.name,
        actorEmail: users.email,
        schoolId: auditLog.schoolId,
        schoolName: schools.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(schools, eq(schools.id, auditLog.schoolId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
