import { index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cohorts } from "./communities";
import { users } from "./users";

export const surveyRounds = ["start", "mid", "end"] as const;
export const trustFacets = [
  "benevolence",
  "honesty",
  "openness",
  "reliability",
  "competence",
  "predictability",
] as const;

/** One round of a cohort's trust survey (start, middle or end of the year). */
export const trustSurveyRounds = pgTable(
  "trust_survey_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    round: text("round", { enum: surveyRounds }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("trust_survey_rounds_cohort_round_key").on(t.cohortId, t.round)],
);

/** Who has answered a round: used to stop a second answer. Never joined to the answers. */
export const trustSurveyRespondents = pgTable(
  "trust_survey_respondents",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => trustSurveyRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);

/**
 * One Likert answer (1–5). Deliberately no respondent, no timestamp and a random id: nothing here
 * links an answer to a person or to the other answers of the same response.
 */
export const trustSurveyAnswers = pgTable(
  "trust_survey_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => trustSurveyRounds.id, { onDelete: "cascade" }),
    facet: text("facet", { enum: trustFacets }).notNull(),
    item: text("item").notNull(),
    value: smallint("value").notNull(),
  },
  (t) => [index("trust_survey_answers_round_id_idx").on(t.roundId, t.facet)],
);
