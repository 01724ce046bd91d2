import { z } from "zod";

/** A between-session practice log: what was applied, the insight, and the colleague it was shared with. */
export const PracticeLogSchema = z.object({
  learningApplied: z
    .string({ required_error: "Say what you applied from the last session." })
    .trim()
    .min(3, "Say what you applied from the last session.")
    .max(2000, "Keep this to 2000 characters."),
  insight: z
    .string({ required_error: "Write the insight you captured." })
    .trim()
    .min(3, "Write the insight you captured.")
    .max(2000, "Keep this to 2000 characters."),
  sharedWith: z
    .string({ required_error: "Choose the colleague you shared it with." })
    .uuid("Choose the colleague you shared it with."),
});

export type PracticeLogInput = z.infer<typeof PracticeLogSchema>;
