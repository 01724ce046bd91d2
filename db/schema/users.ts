import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
import { schools } from "./schools";
import { roles } from "./roles";
import { searchVector, tsvector } from "./tsvector";

export { roles, type Role } from "./roles";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed, so look-ups are exact. */
    email: text("email").notNull().unique("users_email_key"),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("name", "email")),
  },
  (t) => [index("users_search_idx").using("gin", t.searchVector)],
);

/** Server-side sessions (lucia). `expiresAt` slides with activity (idle limit); `createdAt` bounds the absolute lifetime. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/**
 * One row per role a person holds in an authority. School leaders and governors hold the role
 * *of a school*; the other roles are authority-wide. Later work (cohorts, SIP assignments) attaches
 * to these grants rather than to the user row.
 */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("role_grants_unique").on(t.userId, t.authorityId, t.role, t.schoolId).nullsNotDistinct(),
    check(
      "role_grants_school_matches_role",
      sql`(${t.role} in ('school_leader', 'governor')) = (${t.schoolId} is not null)`,
    ),
    index("role_grants_user_id_idx").on(t.userId),
    index("role_grants_authority_id_idx").on(t.authorityId, t.role),
    index("role_grants_school_id_idx").on(t.schoolId),
  ],
);
