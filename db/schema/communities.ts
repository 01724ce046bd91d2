import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
import { users } from "./users";

/** A facilitator's group of school leaders meeting monthly for a school year. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** e.g. "2026-27". */
    schoolYear: text("school_year").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cohorts_authority_id_idx").on(t.authorityId)],
);

/** Who is in a cohort: its facilitators and its school leaders. */
export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["facilitator", "leader"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId, t.role] }), index("cohort_members_user_id_idx").on(t.userId)],
);

/** A community of practice: a small group of a cohort's leaders sharing an equity challenge. */
export const communities = pgTable(
  "communities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("communities_cohort_id_idx").on(t.cohortId)],
);

export const communityMembers = pgTable(
  "community_members",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.userId] }), index("community_members_user_id_idx").on(t.userId)],
);

/** Peer-check partners the facilitator sets inside a community (step 3): one row per person, both ways. */
export const peerPairs = pgTable(
  "peer_pairs",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.userId] })],
);
