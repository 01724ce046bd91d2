import { z } from "zod";
import { roles } from "../../db/schema/roles";
import { isSchoolRole } from "./permissions";

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
    email: z.string({ required_error: "Enter their email address" }).trim().toLowerCase().email("Enter a valid email address"),
    ...roleFields,
  })
  .superRefine(checkSchool)
  .transform((v) => ({ email: v.email, role: v.role, schoolId: isSchoolRole(v.role) ? v.schoolId! : null }));
