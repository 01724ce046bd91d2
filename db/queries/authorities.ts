import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { authorities } from "../schema/index";

export type Authority = typeof authorities.$inferSelect;

/** Creates an authority (a local authority, district or trust). */
export async function createAuthority(
  db: Database,
  values: { name: string; terminology?: "en-GB" | "en-US"; timeZone?: string },
) {
  const [row] = await db.insert(authorities).values(values).returning();
  return row;
}

/** The authority with this id, or null. */
export async function getAuthority(db: Database, id: string): Promise<Authority | null> {
  const [row] = await db.select().from(authorities).where(eq(authorities.id, id)).limit(1);
  return row ?? null;
}

/** Authorities by id, for labelling a person's grants. */
export async function getAuthoritiesByIds(db: Database, ids: string[]): Promise<Authority[]> {
  if (ids.length === 0) return [];
  return db.select().from(authorities).where(inArray(authorities.id, ids));
}

/** Sets the authority's terminology and time zone; returns the updated row, or null when there is none. */
export async function updateAuthoritySettings(
  db: Database,
  id: string,
  settings: { terminology: "en-GB" | "en-US"; timeZone: string },
): Promise<Authority | null> {
  const [row] = await db.update(authorities).set(settings).where(eq(authorities.id, id)).returning();
  return row ?? null;
}
