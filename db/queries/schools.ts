import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { schools } from "../schema/index";

export type School = typeof schools.$inferSelect;
export type NewSchool = Omit<typeof schools.$inferInsert, "id" | "createdAt">;

/** The authority's schools, by name. */
export function listSchools(db: Database, authorityId: string): Promise<School[]> {
  return db.select().from(schools).where(eq(schools.authorityId, authorityId)).orderBy(asc(schools.name));
}

/** The school with this id, or null. */
export async function getSchool(db: Database, id: string): Promise<School | null> {
  const [row] = await db.select().from(schools).where(eq(schools.id, id)).limit(1);
  return row ?? null;
}

/** Schools by id (any authority): callers check access on each. */
export function getSchoolsByIds(db: Database, ids: string[]): Promise<School[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(schools).where(inArray(schools.id, ids)).orderBy(asc(schools.name));
}

/** Which of these references and (lower-cased) names are already used in the authority. */
export async function findSchoolClashes(db: Database, authorityId: string) {
  const rows = await db
    .select({ name: schools.name, reference: schools.reference })
    .from(schools)
    .where(eq(schools.authorityId, authorityId));
  return {
    names: new Set(rows.map((r) => r.name.toLowerCase())),
    references: new Set(rows.map((r) => r.reference.toLowerCase())),
  };
}

/** Inserts all the schools in one transaction: either every row is added or none is. */
export async function insertSchools(db: Database, rows: NewSchool[]): Promise<School[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => tx.insert(schools).values(rows).returning());
}

/** A school of this authority with this id, or null (ids of other authorities look missing). */
export async function getAuthoritySchool(db: Database, authorityId: string, id: string): Promise<School | null> {
  const [row] = await db
    .select()
    .from(schools)
    .where(and(eq(schools.id, id), eq(schools.authorityId, authorityId)))
    .limit(1);
  return row ?? null;
}
