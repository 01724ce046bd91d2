import { z } from "zod";

/** A leader's links from the inquiry to priorities of their school's plan (none clears them). */
export const PlanLinkSchema = z.object({
  schoolId: z.string({ required_error: "Choose your school" }).uuid("Choose your school"),
  priorityId: z.array(z.string().uuid("Choose priorities from the list")).default([]),
});
