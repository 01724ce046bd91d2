import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { PlaylistView } from "../features/playlists/components/playlist-view";
import { StatusPage } from "../components/status-page";
import { playlistAction } from "../features/playlists/action.server";
import { requireCommunityPlaylist } from "../features/playlists/guard.server";
import { playlistLoaderData } from "../features/playlists/page-data.server";

export async function loader(args: LoaderFunctionArgs) {
  const { community, target } = await requireCommunityPlaylist(args);
  return json({
    community: { id: community.id, name: community.name, cohortName: community.cohortName },
    ...(await playlistLoaderData(args.context.services.db, target, args.context.services.env.linkPreviewAllowHosts)),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { target } = await requireCommunityPlaylist(args);
  return playlistAction(args.context.services, args.request, target);
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.community.name ?? "Playlist"}: playlist · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
