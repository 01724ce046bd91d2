import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { documentName } from "../../collab/doc-names";
import { listCohortLeaders } from "../../db/queries/practice";
import { CohortHeader } from "../components/cohort-nav";
import { PlaylistView } from "../components/playlist/playlist-view";
import { StatusPage } from "../components/status-page";
import { requireCohort } from "../utils/cohort.server";
import { notFound } from "../utils/http.server";
import { documentAccess } from "../utils/permissions";
import { playlistAction, playlistLoaderData, type PlaylistTarget } from "../utils/playlist.server";

/** The whole cohort's playlist: its facilitators write, its leaders read (documentAccess with the cohort scope). */
async function requirePlaylist(args: LoaderFunctionArgs | ActionFunctionArgs) {
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

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, target } = await requirePlaylist(args);
  return json({
    cohort: { id: cohort.id, name: cohort.name, schoolYear: cohort.schoolYear },
    ...(await playlistLoaderData(args.context.services.db, target)),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { target } = await requirePlaylist(args);
  const { db, logger } = args.context.services;
  return playlistAction(db, logger, args.request, target);
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.cohort.name ?? "Cohort"}: playlist · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
