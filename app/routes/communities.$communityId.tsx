import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { documentName, parseDocumentName } from "../../collab/doc-names";
import { getCommunityScope } from "../../db/queries/community-scope";
import { getGrants } from "../../db/queries/users";
import { FollowProvider, type RoomAccess } from "../features/communities/components/follow-context";
import { canFacilitateCommunity, documentAccess } from "../kernel/permissions";
import { schoolYearOf } from "../kernel/school-year";

/**
 * The frame around every page of a community. It holds the community's room (gatherings: "Bring
 * everyone here") for as long as the person stays on the community's pages, so following a
 * facilitator does not reconnect at every step. It never refuses anything itself: each page
 * guards itself (404 for outsiders); here an outsider, a SIP or a signed-out visitor simply gets
 * no room.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const none = json({ room: null as RoomAccess | null });
  const room = parseDocumentName(documentName("community-room", params.communityId ?? ""));
  if (!context.user || !room) return none;
  const { db } = context.services;
  const scope = await getCommunityScope(db, room.id, schoolYearOf(new Date()));
  if (!scope) return none;
  const actor = { userId: context.user.id, grants: await getGrants(db, context.user.id) };
  const access = documentAccess(actor, "community-room", scope);
  if (access === "none") return none;
  return json({
    room: {
      communityId: room.id,
      access,
      isFacilitator: canFacilitateCommunity(actor, scope),
      me: { id: context.user.id, name: context.user.name },
    } satisfies RoomAccess as RoomAccess | null,
  });
}

/**
 * Who may gather depends only on the community and the person, so moving between its steps (or
 * submitting a form on one of them) need not reload this: keeping the same loader data keeps the
 * room connected and counts a gathering already seen as seen. Another community loads it again
 * (signing out leaves the community's pages, so the frame goes with it).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams }) =>
  currentParams.communityId !== nextParams.communityId;

export default function CommunityLayout() {
  const { room } = useLoaderData<typeof loader>();
  return (
    <FollowProvider room={room}>
      <Outlet />
    </FollowProvider>
  );
}
