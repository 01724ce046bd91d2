import { z } from "zod";
import { roles } from "../../../db/schema/roles";
import { schoolCategories, schoolPhases } from "../../../db/schema/school-options";
import { isSchoolRole } from "../../kernel/permissions/index";
import { categoryLabels, phaseLabels } from "../../kernel/school-phases";

const roleFields = {
  role: z.enum(roles, { errorMap: () => ({ message: "Choose a role" }) }),
  schoolId: z.string().uuid("Choose a school from the list").optional(),
};

// Head teachers and governors belong to one school; the other roles cover the whole authority.
function checkSchool(value: { role: (typeof roles)[number]; schoolId?: string }, ctx: z.RefinementCtx) {
  if (isSchoolRole(value.role) && !value.schoolId) {
    ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Choose the school for this role" });
  }
}

/** A role to grant: school roles need a school; for the others any school chosen is ignored. */
export const RoleGrantSchema = z
  .object(roleFields)
  .superRefine(checkSchool)
  .transform((v) => ({ role: v.role, schoolId: isSchoolRole(v.role) ? v.schoolId! : null }));

/** The invitation form: who, and with which role. */
export const InviteSchema = z
  .object({
    email: z
      .string({ required_error: "Enter their email address" })
      .trim()
      .toLowerCase()
      .email("Enter a valid email address"),
    ...roleFields,
  })
  .superRefine(checkSchool)
  .transform((v) => ({ email: v.email, role: v.role, schoolId: isSchoolRole(v.role) ? v.schoolId! : null }));

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

/**
 * The authority's settings form: which words and which time zone. The zones are the server's list
 * (`Intl.supportedValuesOf("timeZone")`), passed in so the browser checks against the same list the
 * server accepts (a browser's own list can name zones differently).
 */
export function authoritySettingsSchema(timeZones: readonly string[]) {
  const known = new Set(timeZones);
  return z.object({
    authorityId: z.string().uuid(),
    terminology: z.enum(["en-GB", "en-US"], {
      errorMap: () => ({ message: "Choose the words your authority uses" }),
    }),
    timeZone: z
      .string({ required_error: "Choose a time zone" })
      .trim()
      .refine((zone) => known.has(zone), "Choose a time zone from the list"),
  });
}

export type AuthoritySettingsInput = z.infer<ReturnType<typeof authoritySettingsSchema>>;
