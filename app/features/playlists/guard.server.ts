import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentName } from "../../../collab/doc-names";
import { listCohortLeaders } from "../../../db/queries/practice";
import { documentAccess } from "../../kernel/permissions";
import { notFound } from "../../utils/http.server";
import type { PlaylistTarget } from "./page-data.server";
import { requireCohort } from "../cohorts/guard.server";
import { requireCommunityDocument } from "../communities/guard.server";

type Args = Pick<LoaderFunctionArgs, "context" | "request" | "params">;

/** The whole cohort's playlist: its facilitators write, its leaders read (documentAccess with the cohort scope). */
export async function requireCohortPlaylist(args: Args) {
  const { context, request, params } = args;
  const { actor, scope, cohort } = await requireCohort(context, request, params.cohortId, "view");
  const access = documentAccess(actor, "playlist", scope);
  if (access === "none") notFound();
  const target: PlaylistTarget = {
    playlistId: cohort.id,
    cohortId: cohort.id,
    docName: documentName("playlist", cohort.id),
    actor,
    scope,
    access,
    leaders: await listCohortLeaders(context.services.db, cohort.id),
  };
  return { cohort, target };
}

/** The community's playlist: facilitators write, members and SIPs of member schools read (documentAccess). */
export async function requireCommunityPlaylist(args: Args) {
  const { context, request, params } = args;
  const found = await requireCommunityDocument(context, request, params.communityId, "playlist");
  const { cohortId } = found.community;
  const target: PlaylistTarget = {
    playlistId: found.community.id,
    cohortId,
    docName: documentName("playlist", found.community.id),
    actor: found.actor,
    scope: found.scope,
    access: found.access,
    leaders: found.community.members,
  };
  return { ...found, target };
}
