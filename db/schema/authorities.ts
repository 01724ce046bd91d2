import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A local authority, district or trust: the network that owns schools and people. */
export const authorities = pgTable("authorities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Which words the UI uses: en-GB (head teacher, governors) or en-US (principal, school board). */
  terminology: text("terminology", { enum: ["en-GB", "en-US"] })
    .notNull()
    .default("en-GB"),
  /** The IANA time zone every date and time of the authority is shown and entered in. */
  timeZone: text("time_zone").notNull().default("Europe/London"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
