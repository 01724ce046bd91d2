import { z } from "zod";
import { schoolCategories, schoolPhases } from "../../db/schema/school-options";
import { categoryLabels, phaseLabels } from "./roles";

/** One school, as the add-school form and each CSV row must describe it. */
export const SchoolSchema = z.object({
  name: z
    .string({ required_error: "Enter the school's name" })
    .trim()
    .min(3, "The name must be at least 3 characters")
    .max(120, "The name must be at most 120 characters"),
  reference: z
    .string({ required_error: "Enter the school's reference (for example its URN)" })
    .trim()
    .max(20, "The reference must be at most 20 characters")
    .regex(/^[A-Za-z0-9-]+$/, "Use only letters, numbers and dashes in the reference"),
  phase: z.enum(schoolPhases, {
    errorMap: () => ({ message: `Choose a phase: ${Object.values(phaseLabels).join(", ")}` }),
  }),
  category: z.enum(schoolCategories, {
    errorMap: () => ({ message: `Choose a support category: ${Object.values(categoryLabels).join(", ")}` }),
  }),
  locality: z
    .string({ required_error: "Enter the school's locality (area or town)" })
    .trim()
    .min(2, "The locality must be at least 2 characters")
    .max(80, "The locality must be at most 80 characters"),
});

export type SchoolInput = z.infer<typeof SchoolSchema>;
