import { z } from "zod";
import { surveyItems, surveyRounds } from "./trust-survey";

const answer = z.coerce
  .number({
    required_error: "Choose an answer for this statement.",
    invalid_type_error: "Choose an answer for this statement.",
  })
  .int("Choose an answer for this statement.")
  .min(1, "Choose an answer for this statement.")
  .max(5, "Choose an answer for this statement.");

/** A response: every statement answered 1–5, for one round. The same schema in the browser and the action. */
export const SurveyResponseSchema = z.object({
  intent: z.literal("answer"),
  roundId: z.string().uuid(),
  ...Object.fromEntries(surveyItems.map((item) => [item.id, answer])),
}) as unknown as z.ZodType<{ intent: "answer"; roundId: string } & Record<string, number>>;

/** The facilitator's "open a round" form. */
export const OpenRoundSchema = z.object({
  round: z.enum(surveyRounds, { errorMap: () => ({ message: "Choose which round to open." }) }),
});

/** The facilitator's "close this round" button. */
export const CloseRoundSchema = z.object({ roundId: z.string().uuid() });
