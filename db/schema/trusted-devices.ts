import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A browser a person has signed in from before (OWASP "device cookies"): its long-lived cookie lets
 * the sign-in throttle tell the person's own browser from a stranger's, so a flood of guesses at one
 * school address, or at one account, does not lock out people on browsers they already use. Only a
 * SHA-256 of the token is stored.
 */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("trusted_devices_user_id_idx").on(t.userId)],
);
