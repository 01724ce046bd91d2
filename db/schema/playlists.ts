import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const resourceTypes = ["video", "reading", "protocol", "tool"] as const;

/**
 * A leader's progress on one playlist item. The playlist itself is a shared document
 * (`playlist.<community or cohort id>`); `itemId` is the item's id inside it.
 */
export const playlistProgress = pgTable(
  "playlist_progress",
  {
    /** The community or cohort id the playlist belongs to. */
    playlistId: uuid("playlist_id").notNull(),
    itemId: text("item_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["done", "done_with_partner"] }).notNull(),
    partnerUserId: uuid("partner_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.playlistId, t.itemId, t.userId] }),
    index("playlist_progress_user_id_idx").on(t.userId),
  ],
);

/** A resource a leader suggests for a playlist, waiting for a facilitator's decision. */
export const resourceSuggestions = pgTable(
  "resource_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    playlistId: uuid("playlist_id").notNull(),
    suggestedBy: uuid("suggested_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    type: text("type", { enum: resourceTypes }).notNull(),
    minutes: integer("minutes").notNull(),
    why: text("why").notNull(),
    status: text("status", { enum: ["pending", "approved", "declined"] })
      .notNull()
      .default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resource_suggestions_playlist_id_idx").on(t.playlistId, t.status)],
);
