import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What a web page says about itself (its Open Graph title, description, image and site name),
 * fetched by the server when a resource is added to a playlist and kept here so a page shows it
 * without fetching again. Keyed on the normalised address (no fragment). A failed fetch is kept
 * too, with its reason, so it is retried later rather than on every view.
 */
export const linkPreviews = pgTable("link_previews", {
  url: text("url").primaryKey(),
  status: text("status", { enum: ["ok", "failed"] }).notNull(),
  /** Why the fetch failed, in plain words (null when it worked). */
  reason: text("reason"),
  title: text("title"),
  description: text("description"),
  /** The preview image's address; only ever http(s). */
  imageUrl: text("image_url"),
  siteName: text("site_name"),
  fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
});
