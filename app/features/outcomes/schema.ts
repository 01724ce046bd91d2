import { z } from "zod";
import { measures, studentGroups } from "./outcomes";

const percent = (name: string) =>
  z
    .number({
      required_error: `Enter the ${name} (0 to 100)`,
      invalid_type_error: `Enter the ${name} as a number, like 92.5`,
    })
    .min(0, `The ${name} must be between 0 and 100`)
    .max(100, `The ${name} must be between 0 and 100`)
    .refine(
      (n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9,
      `Give the ${name} to at most one decimal place, like 92.5`,
    );

/** One outcome as the form sends it; `id` is set when editing. The same schema runs in the browser and the action. */
export const OutcomeSchema = z.object({
  id: z.string().uuid().optional(),
  schoolId: z.string({ required_error: "Choose the school" }).uuid("Choose the school"),
  studentGroup: z.enum(studentGroups, { errorMap: () => ({ message: "Choose a student group" }) }),
  measure: z.enum(measures, { errorMap: () => ({ message: "Choose a measure" }) }),
  baseline: percent("baseline"),
  target: percent("target"),
  actual: percent("actual result").optional(),
});
export type OutcomeInput = z.infer<typeof OutcomeSchema>;

/** The "delete this row" button. */
export const DeleteOutcomeSchema = z.object({ id: z.string().uuid() });
