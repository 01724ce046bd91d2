/**
 * The trust survey's workflows: a leader answers a round (anonymously), a facilitator opens and
 * closes rounds. Messages are the ones the person reads; the routes map results to responses.
 */
import type { Database } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { closeRound, getRound, openRound, submitResponse } from "../../../db/queries/trust-survey";
import type { CurrentActor } from "../auth/guard.server";
import type { Logger } from "../../utils/logger.server";
import { roundLabels, surveyItems, type SurveyRound } from "./trust-survey";

type Deps = { db: Database; logger: Logger };

const closed = "This round has closed, so it no longer takes answers.";

export type AnswerResult = { ok: true; done: string } | { ok: false; error: string };

/** Stores a leader's answers to an open round, once; the answers are never logged, nor who gave them. */
export async function answerSurvey(
  deps: Deps,
  actor: CurrentActor,
  cohortId: string,
  input: { roundId: string } & Record<string, unknown>,
): Promise<AnswerResult> {
  const round = await getRound(deps.db, cohortId, input.roundId);
  if (!round || round.closedAt) return { ok: false, error: closed };
  const answers = surveyItems.map((item) => ({ facet: item.facet, item: item.id, value: input[item.id] as number }));
  const outcome = await submitResponse(deps.db, { roundId: round.id, userId: actor.userId, answers });
  if (outcome !== "saved") {
    return {
      ok: false,
      error:
        outcome === "already-answered"
          ? "You have already answered this round. Each leader answers once, and answers cannot be changed."
          : closed,
    };
  }
  // Only that the round has one more response.
  deps.logger.info("trust survey response", { roundId: round.id });
  return {
    ok: true,
    done: "Thank you: your answers are in. They are stored without your name; only totals for the whole cohort are shown.",
  };
}

export type OpenRoundResult = { ok: true; done: string } | { ok: false; fieldErrors: { round: string[] } };

/** Opens a round of the cohort's survey: one round open at a time, each round once. */
export async function openSurveyRound(
  deps: Deps,
  actor: CurrentActor,
  cohortId: string,
  round: SurveyRound,
): Promise<OpenRoundResult> {
  try {
    const opened = await openRound(deps.db, { cohortId, round });
    if (!opened.ok)
      return {
        ok: false,
        fieldErrors: {
          round: [`Close the ${roundLabels[opened.openRound].toLowerCase()} round before opening another.`],
        },
      };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, fieldErrors: { round: ["That round has already been opened."] } };
  }
  deps.logger.info("trust survey round opened", { cohortId, round, by: actor.userId });
  return { ok: true, done: `The ${roundLabels[round].toLowerCase()} round is open.` };
}

/** Closes an open round of the cohort's survey; false when it is not open (or not this cohort's). */
export function closeSurveyRound(deps: Deps, cohortId: string, roundId: string): Promise<boolean> {
  return closeRound(deps.db, cohortId, roundId);
}
