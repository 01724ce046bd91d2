import { z } from "zod";
import { actionStatusValues, judgementValues, planAreas } from "../../kernel/plan-areas";

/** The forms of a school's improvement plan: one schema each, used by Conform in the browser and by the action. */

const text = (name: string, min: number, max: number) =>
  z
    .string({ required_error: `Enter the ${name}` })
    .trim()
    .min(min, `The ${name} must be at least ${min} characters`)
    .max(max, `The ${name} must be at most ${max} characters`);

const optionalText = (name: string, max: number) =>
  z.string().trim().max(max, `The ${name} must be at most ${max} characters`).optional().default("");

const id = z.string().uuid("Choose an item of the plan");

/** A percentage from 0 to 100 with at most one decimal place (how targets are stored). */
export const percentage = (name: string) =>
  z.coerce
    .number({
      required_error: `Enter the ${name} as a number from 0 to 100`,
      invalid_type_error: `Enter the ${name} as a number from 0 to 100`,
    })
    .min(0, `The ${name} must be between 0 and 100`)
    .max(100, `The ${name} must be between 0 and 100`)
    .refine((n) => Math.round(n * 10) === n * 10, `Give the ${name} to at most one decimal place`);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates a target or action may be due: from a year ago (a late entry for last year's plan)
 * to five years ahead (a long-term plan). Anything else is almost certainly a typing slip.
 */
export function dueDateRange(today: Date = new Date()): { min: string; max: string } {
  const shift = (years: number) => {
    const d = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));
    return d.toISOString().slice(0, 10);
  };
  return { min: shift(-1), max: shift(5) };
}

/** A yyyy-mm-dd date that exists and falls within dueDateRange. */
export const dueDate = (name: string, today?: Date) =>
  z.string({ required_error: `Enter the ${name}` }).superRefine((s, ctx) => {
    // One message at a time: the first problem found is the one to fix.
    const fail = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (!ISO_DATE.test(s)) return fail(`Enter the ${name} as a date`);
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(s)) return fail(`Enter a real date for the ${name}`);
    const { min, max } = dueDateRange(today);
    if (s < min || s > max) fail(`The ${name} must be between a year ago and five years from now`);
  });

/** Only web links: a javascript: or data: link would run in the reader's browser. */
export const httpUrl = z
  .string({ required_error: "Enter the link, starting with https://" })
  .trim()
  .max(2000, "The link must be at most 2,000 characters")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "https:" || u.protocol === "http:") && Boolean(u.hostname);
    } catch {
      return false;
    }
  }, "Enter a web link starting with https:// or http://");

export const SelfEvaluationSchema = z.object({
  area: z.enum(planAreas, { errorMap: () => ({ message: "Choose an area" }) }),
  judgement: z.enum(judgementValues, { errorMap: () => ({ message: "Choose a judgement" }) }),
  evidence: text("evidence", 10, 3000),
});

export const PrioritySchema = z.object({
  title: text("title", 5, 160),
  area: z.enum(planAreas, { errorMap: () => ({ message: "Choose the area this priority improves" }) }),
  rationale: optionalText("rationale", 3000),
});

export const targetSchema = (today?: Date) =>
  z.object({
    measure: text("measure", 3, 160),
    studentGroup: text("student group", 2, 80),
    baseline: percentage("baseline"),
    target: percentage("target"),
    actual: z.preprocess((v) => (v === "" || v === null ? undefined : v), percentage("actual").optional()),
    byWhen: dueDate("date the target is due", today),
  });
export const TargetSchema = targetSchema();

export const TargetActualSchema = z.object({
  targetId: id,
  actual: z.preprocess((v) => (v === "" || v === null ? undefined : v), percentage("actual").optional()),
});

export const actionSchema = (today?: Date) =>
  z.object({
    description: text("action", 5, 400),
    owner: text("owner", 2, 100),
    due: dueDate("due date", today),
    status: z.enum(actionStatusValues, { errorMap: () => ({ message: "Choose a status" }) }).default("not_started"),
  });
export const ActionSchema = actionSchema();

export const ActionStatusSchema = z.object({
  actionId: id,
  status: z.enum(actionStatusValues, { errorMap: () => ({ message: "Choose a status" }) }),
});

export const ProgressUpdateSchema = z.object({ body: text("progress update", 5, 3000) });

export const EvidenceLinkSchema = z.object({ title: text("title of the evidence", 3, 160), url: httpUrl });

export const commentSubjectValues = ["plan", "self_evaluation", "priority", "target", "action"] as const;

export const CommentSchema = z.object({
  subjectKind: z.enum(commentSubjectValues, { errorMap: () => ({ message: "Choose what the comment is about" }) }),
  subjectId: id,
  parentId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()),
  body: text("comment", 2, 3000),
});

export const ThreadStateSchema = z.object({ commentId: id, resolved: z.enum(["true", "false"]) });
