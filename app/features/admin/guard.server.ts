import type { AppLoadContext } from "@remix-run/node";
import { listPeople } from "../../../db/queries/users";
import { adminAuthorityIds } from "../../kernel/permissions";
import { termsFor } from "../../kernel/terminology";
import { authorityDateContext } from "./authority-dates.server";
import { forbidden, notFound, requireIdParam } from "../../utils/http.server";
import { requireActor } from "../auth/guard.server";

/**
 * For admin pages: the actor and the authority they administer. Someone who is not an admin of any
 * authority gets a 403 in plain words.
 */
export async function requireAuthorityAdmin(context: AppLoadContext, request: Request) {
  const actor = await requireActor(context, request);
  const [authorityId] = adminAuthorityIds(actor);
  if (!authorityId) {
    // Said in the person's own authority's words ("local authority", "district").
    const { locale } = await authorityDateContext(context.services.db, actor.grants[0]?.authorityId);
    forbidden(`This area is for your ${termsFor(locale).authority.toLowerCase()}'s administrators.`);
  }
  return { actor, authorityId };
}

/** A person of the admin's authority with their roles, or a 404 for anyone else. */
export async function requirePerson(context: AppLoadContext, authorityId: string, userId: string | undefined) {
  // Only people who hold a role in this authority can be seen here; anyone else is "not found".
  const [person] = await listPeople(context.services.db, authorityId, requireIdParam(userId));
  if (!person) notFound();
  return person;
}
