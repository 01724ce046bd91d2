import { redirect, type AppLoadContext } from "@remix-run/node";
import { getGrants } from "../../db/queries/users";
import type { SessionUser } from "./auth.server";
import { forbidden } from "./http.server";
import { adminAuthorityIds, type Actor } from "./permissions";

export type CurrentActor = Actor & { user: SessionUser };

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(context: AppLoadContext, request: Request): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

/** The signed-in user with their grants, for the permission module. */
export async function requireActor(context: AppLoadContext, request: Request): Promise<CurrentActor> {
  const user = requireUser(context, request);
  const grants = await getGrants(context.services.db, user.id);
  return { userId: user.id, user, grants };
}

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
