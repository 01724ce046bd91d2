import { inArray } from "drizzle-orm";
import type { Database } from "../client";
import { linkPreviews } from "../schema/index";

/** A stored link preview (see db/schema/link-previews.ts). */
export type LinkPreviewRow = typeof linkPreviews.$inferSelect;

/** The stored previews of these addresses (already normalised), by address; one query. */
export async function getLinkPreviews(db: Database, urls: readonly string[]): Promise<Map<string, LinkPreviewRow>> {
  if (urls.length === 0) return new Map();
  const rows = await db
    .select()
    .from(linkPreviews)
    .where(inArray(linkPreviews.url, [...new Set(urls)]));
  return new Map(rows.map((row) => [row.url, row]));
}

/** Stores a preview (a success or a failure with its reason), replacing the earlier one. */
export async function saveLinkPreview(db: Database, row: LinkPreviewRow) {
  const { url, ...rest } = row;
  await db.insert(linkPreviews).values(row).onConflictDoUpdate({ target: linkPreviews.url, set: rest });
}
