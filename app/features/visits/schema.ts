import { z } from "zod";
import { formatDays, wouldOverspend } from "./day-budget";
import { halfDays } from "../deployment/schema";

/** Kinds of SIP time (the same values as db/schema/sip-work.ts, kept here so the browser bundle needs no drizzle). */
export const visitKinds = ["in_school", "preparation", "report_writing"] as const;

export const visitKindLabels: Record<(typeof visitKinds)[number], string> = {
  in_school: "In school",
  preparation: "Preparation",
  report_writing: "Report writing",
};

export const OVERSPEND_CONFIRM_LABEL = "Record it anyway";

/**
 * Logging time against a school's budget. The same schema runs in the browser and in the action;
 * the action passes the budget and days used as they are in the database at that moment. Time that
 * would overspend needs the "Record it anyway" box ticked.
 */
export function visitSchema(budget: { dayBudget: number; used: number; start: string; end: string }) {
  return z
    .object({
      visitDate: z
        .string({ required_error: "Enter the date" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as a date, such as 2025-10-14")
        .refine((d) => !Number.isNaN(Date.parse(d)), "Enter a real date")
        .refine(
          (d) => d >= budget.start && d <= budget.end,
          `Choose a date in this school year (${budget.start} to ${budget.end})`,
        ),
      kind: z.enum(visitKinds, { errorMap: () => ({ message: "Choose what the time was for" }) }),
      days: halfDays("the time", 10),
      purpose: z
        .string({ required_error: "Say what the time was for" })
        .trim()
        .min(3, "Say what the time was for")
        .max(500, "Keep the purpose to 500 characters"),
      confirmOverspend: z.literal("on").optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.confirmOverspend && wouldOverspend(budget.dayBudget, budget.used, v.days)) {
        const left = budget.dayBudget - budget.used;
        ctx.addIssue({
          code: "custom",
          path: ["confirmOverspend"],
          message: `This would go over the budget: ${left > 0 ? `only ${formatDays(left)} left` : "no days left"}. Tick "${OVERSPEND_CONFIRM_LABEL}" to record it.`,
        });
      }
    });
}

const answer = (question: string) =>
  z.string({ required_error: question }).trim().min(3, question).max(5000, "Keep this to 5000 characters");

/** The school's pre-visit part. */
export const PreVisitSchema = z.object({
  intent: z.literal("pre"),
  selfEvaluationUpdate: answer("Write what has changed in your self-evaluation since the last visit"),
  questions: answer("Write the questions you want the SIP to look at"),
});

/** The SIP's visit part: the four focus questions and the agreed actions. */
export const VisitPartSchema = z.object({
  intent: z.literal("visit"),
  performance: answer("Answer: how well is the school performing?"),
  keyFactors: answer("Answer: what are the key factors?"),
  prioritiesAndTargets: answer("Answer: what are the key priorities and targets?"),
  howToAchieve: answer("Answer: how will the school achieve them?"),
  agreedActions: answer("Write the actions agreed with the school"),
});

export const focusQuestions = [
  { name: "performance", label: "How well is the school performing?" },
  { name: "keyFactors", label: "What are the key factors?" },
  { name: "prioritiesAndTargets", label: "What are the key priorities and targets?" },
  { name: "howToAchieve", label: "How will the school achieve them?" },
] as const;

export const recordStateLabels = {
  awaiting_school: "Awaiting the school",
  awaiting_sip: "Awaiting the SIP",
  complete: "Complete",
} as const;
