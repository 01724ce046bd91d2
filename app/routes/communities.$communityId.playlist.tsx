import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { documentName } from "../../collab/doc-names";
import { CommunityHeader } from "../components/community-nav";
import { PlaylistView } from "../components/playlist/playlist-view";
import { StatusPage } from "../components/status-page";
import { requireCommunityDocument } from "../utils/community.server";
import { playlistAction, playlistLoaderData, type PlaylistTarget } from "../utils/playlist.server";

/** The community's playlist: facilitators write, members and SIPs of member schools read (documentAccess). */
async function requirePlaylist(args: LoaderFunctionArgs | ActionFunctionArgs) {
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

export async function loader(args: LoaderFunctionArgs) {
  const { community, target } = await requirePlaylist(args);
  return json({
    community: { id: community.id, name: community.name, cohortName: community.cohortName },
    ...(await playlistLoaderData(args.context.services.db, target)),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { target } = await requirePlaylist(args);
  const { db, logger } = args.context.services;
  return playlistAction(db, logger, args.request, target);
}

export default function CommunityPlaylistPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <CommunityHeader community={data.community} title="playlist" step="playlist" me={data.me} />
      <PlaylistView data={data} />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.community.name ?? "Playlist"}: playlist · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
