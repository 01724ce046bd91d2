import { z } from "zod";
import { schoolCategories } from "../../../db/schema/school-options";
import { isHalfDayStep } from "../visits/day-budget";

/** A number of days in half-day steps, from half a day up to `max`. */
export function halfDays(what: string, max: number) {
  return z
    .number({
      required_error: `Enter ${what} in days`,
      invalid_type_error: `Enter ${what} as a number of days, such as 5 or 2.5`,
    })
    .refine((n) => n >= 0.5, `${capitalise(what)} must be at least half a day`)
    .refine((n) => n <= max, `${capitalise(what)} must be at most ${max} days`)
    .refine((n) => n < 0.5 || isHalfDayStep(n), `Use whole or half days for ${what}, such as 4 or 4.5`);
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The authority's default day budget per school category. */
export const CategoryBudgetsSchema = z.object({
  universal: halfDays("the budget", 50),
  targeted: halfDays("the budget", 50),
  intensive: halfDays("the budget", 50),
});

/** What the authority records about a SIP for matching. */
export const SipProfileSchema = z.object({
  userId: z.string().uuid(),
  locality: z.string().trim().max(80, "The locality must be at most 80 characters").default(""),
  capacityDays: halfDays("their capacity", 200),
  expertise: z.array(z.enum(schoolCategories)).default([]),
});

/** Assigning a SIP to a school with a day budget. */
export const AssignSchema = z.object({
  intent: z.literal("assign"),
  sipUserId: z.string({ required_error: "Choose a SIP" }).uuid("Choose a SIP"),
  dayBudget: halfDays("the day budget", 50),
});

/** Changing the day budget of an existing assignment. */
export const BudgetSchema = z.object({
  intent: z.literal("budget"),
  dayBudget: halfDays("the day budget", 50),
});
