import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { PlaylistView } from "../features/playlists/components/playlist-view";
import { StatusPage } from "../components/status-page";
import { playlistAction } from "../features/playlists/action.server";
import { requireCohortPlaylist } from "../features/playlists/guard.server";
import { playlistLoaderData } from "../features/playlists/page-data.server";

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, target } = await requireCohortPlaylist(args);
  return json({
    cohort: { id: cohort.id, name: cohort.name, schoolYear: cohort.schoolYear },
    ...(await playlistLoaderData(args.context.services.db, target, args.context.services.env.linkPreviewAllowHosts)),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { target } = await requireCohortPlaylist(args);
  return playlistAction(args.context.services, args.request, target);
}

export default function CohortPlaylistPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <CohortHeader cohort={data.cohort} title="playlist" />
      <PlaylistView data={data} />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Cohort"}: playlist · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
