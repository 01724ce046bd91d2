import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Failed sign-in counters, keyed on the account (`account:<email>`) and loosely on the address (`ip:<ip>`). */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
