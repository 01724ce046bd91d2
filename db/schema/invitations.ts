import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
import { schools } from "./schools";
import { roles, users } from "./users";

/** A single-use, expiring invitation. Only a SHA-256 of the token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique("invitations_token_hash_key"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("invitations_authority_id_idx").on(t.authorityId, t.createdAt),
    index("invitations_email_idx").on(t.email),
    index("invitations_school_id_idx").on(t.schoolId),
    index("invitations_invited_by_idx").on(t.invitedBy),
    index("invitations_accepted_by_idx").on(t.acceptedBy),
  ],
);
