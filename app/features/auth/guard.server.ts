import { redirect, type AppLoadContext } from "@remix-run/node";
import { getGrants } from "../../../db/queries/users";
import type { SessionUser } from "./sessions.server";
import type { Actor } from "../../kernel/permissions";

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
