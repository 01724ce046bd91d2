import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { DocumentKind } from "../../../collab/doc-names";
import { getCommunity } from "../../../db/queries/communities";
import { getCommunityScope } from "../../../db/queries/community-scope";
import { colourFor } from "../../kernel/presence";
import { notFound, requireIdParam } from "../../utils/http.server";
import { canFacilitateCommunity, documentAccess } from "../../kernel/permissions";
import { requireActor } from "../auth/guard.server";
import { schoolYearOf } from "../../kernel/school-year";

/**
 * For a community page built on one shared document: the signed-in person, the community, their
 * access to the document (through the permission module), and their presence details. Anyone who
 * may not see the community is told it does not exist (404).
 */
export async function requireCommunityDocument(
  context: AppLoadContext,
  request: Request,
  communityIdParam: string | undefined,
  kind: DocumentKind,
) {
  const actor = await requireActor(context, request);
  const communityId = requireIdParam(communityIdParam);
  const { db } = context.services;
  const scope = await getCommunityScope(db, communityId, schoolYearOf(new Date()));
  const access = scope ? documentAccess(actor, kind, scope) : "none";
  if (!scope || access === "none") notFound();
  const community = await getCommunity(db, communityId);
  if (!community) notFound();
  return {
    actor,
    scope,
    community,
    access,
    isFacilitator: canFacilitateCommunity(actor, scope),
    me: { id: actor.userId, name: actor.user.name, color: colourFor(actor.userId) },
  };
}

/** For the pages of a community's inquiry (home, inquiry, plan links): requireCommunityDocument on its inquiry. */
export const requireCommunityInquiry = ({
  context,
  request,
  params,
}: Pick<LoaderFunctionArgs, "context" | "request" | "params">) =>
  requireCommunityDocument(context, request, params.communityId, "inquiry");
