import { z } from "zod";

/** The SIP proposes a link between a priority of their school and another school's matching practice. */
export const ProposeSchema = z.object({
  priorityId: z.string().uuid("Choose one of the school's priorities"),
  partnerPriorityId: z.string().uuid("That match is no longer available"),
  reason: z
    .string({ required_error: "Say why this link would help (the other school's head reads it)" })
    .trim()
    .min(10, "Say a little more: at least 10 characters")
    .max(1000, "Keep it to 1,000 characters"),
});

export const DecisionSchema = z.object({
  decision: z.enum(["consented", "declined"], { errorMap: () => ({ message: "Choose to consent or decline" }) }),
});

/** "A primary school in the local authority": how a school is described before it consents to be named. */
export function anonymousSchool(phaseLabel: string, authorityWord: string): string {
  const phase = phaseLabel.toLowerCase();
  return `${/^[aeiou]/.test(phase) ? "An" : "A"} ${phase} school in the ${authorityWord.toLowerCase()}`;
}
