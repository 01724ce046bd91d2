import type { AppLoadContext } from "@remix-run/node";
import { getAuthoritySchool } from "../../../db/queries/schools";
import { canManageSipDeployment } from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";
import { forbidden, notFound, requireIdParam } from "../../utils/http.server";
import { requireAuthorityAdmin } from "../admin/guard.server";

/** SIP deployment is the authority admin's: anyone else gets a 403. Returns the admin, their authority and this school year. */
export async function requireDeploymentAdmin(context: AppLoadContext, request: Request) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canManageSipDeployment(actor, authorityId)) forbidden();
  return { actor, authorityId, year: schoolYearOf(new Date()) };
}

/** Like requireDeploymentAdmin, with one school of the admin's authority (any other school: 404). */
export async function requireDeploymentSchool(
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
) {
  const admin = await requireDeploymentAdmin(context, request);
  const school = await getAuthoritySchool(context.services.db, admin.authorityId, requireIdParam(schoolIdParam));
  if (!school) notFound();
  return { ...admin, school };
}
