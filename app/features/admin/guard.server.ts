import type { AppLoadContext } from "@remix-run/node";
import { listPeople } from "../../../db/queries/users";
import { adminAuthorityIds } from "../../kernel/permissions";
import { forbidden, notFound, requireIdParam } from "../../utils/http.server";
import { requireActor } from "../auth/guard.server";

/**
 * For admin pages: the actor and the authority they administer. Someone who is not an admin of any
 * authority gets a 403 in plain words.
 */
export async function requireAuthorityAdmin(context: AppLoadContext, request: Request) {
  const actor = await requireActor(context, request);
  const [authorityId] = adminAuthorityIds(actor);
  if (!authorityId) forbidden("This area is for your local authority's administrators.");
  return { actor, authorityId };
}

/** A person of the admin's authority with their roles, or a 404 for anyone else. */
export async function requirePerson(context: AppLoadContext, authorityId: string, userId: string | undefined) {
  // Only people who hold a role in this authority can be seen here; anyone else is "not found".
  const [person] = await listPeople(context.services.db, authorityId, requireIdParam(userId));
  if (!person) notFound();
  return person;
}
