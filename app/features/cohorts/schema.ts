import { z } from "zod";

/** Starting a cohort: the authority, a name and the school year it runs (such as 2026-27). */
export const CohortSchema = z.object({
  authorityId: z.string({ required_error: "Choose the authority." }).uuid("Choose the authority."),
  name: z
    .string({ required_error: "Enter a name for the cohort." })
    .trim()
    .min(3, "Enter a name of at least 3 characters.")
    .max(100, "Keep the name under 100 characters."),
  schoolYear: z
    .string({ required_error: "Enter the school year, such as 2026-27." })
    .trim()
    .regex(/^\d{4}-\d{2}$/, "Enter the school year as four digits, a dash and two digits, such as 2026-27.")
    .refine(
      (y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)),
      "The second year must follow the first, such as 2026-27.",
    ),
});
export type CohortInput = z.infer<typeof CohortSchema>;

/** The form that adds school leaders to a cohort: one or more of the authority's leaders. */
export const AddLeadersSchema = z.object({
  intent: z.literal("add-leaders"),
  userIds: z
    .array(z.string().uuid("Choose school leaders from the list."), {
      required_error: "Choose at least one school leader.",
    })
    .min(1, "Choose at least one school leader."),
});

/** The form that adds a co-facilitator from the authority's facilitators. */
export const AddFacilitatorSchema = z.object({
  intent: z.literal("add-facilitator"),
  userId: z.string({ required_error: "Choose a facilitator." }).uuid("Choose a facilitator."),
});

/** A "Remove" button beside a member of either role. */
export const RemoveMemberSchema = z.object({
  intent: z.literal("remove"),
  userId: z.string().uuid(),
  role: z.enum(["facilitator", "leader"]),
});
