import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { documentName } from "../../collab/doc-names";
import { RootCauseBoard } from "../features/board/components/board";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument } from "../components/collab/use-collab-document";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { ExportLinks } from "../features/exports/components/export-links";
import { StatusPage } from "../components/status-page";
import { NoteFromAddress } from "../components/search/note-from-address";
import { requireCommunityDocument } from "../features/communities/guard.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { community, access, isFacilitator, me } = await requireCommunityDocument(
    context,
    request,
    params.communityId,
    "root-cause-board",
  );
  return json({
    community: { id: community.id, name: community.name, cohortName: community.cohortName },
    docName: documentName("root-cause-board", community.id),
    access,
    isFacilitator: access === "write" && isFacilitator,
    me,
  });
}

export default function BoardPage() {
  const { community, docName, access, isFacilitator, me } = useLoaderData<typeof loader>();
  const collab = useCollabDocument(docName, me, access);
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <CommunityHeader community={community} title="root causes" step="board" me={me} />
      <p className="mt-3 max-w-3xl text-sm text-slate-700">
        Write each possible cause of the challenge on a note, sort the notes into categories, then place your dots on
        the causes that matter most.
      </p>
      <StickyCollabStatus collab={collab} opening="Opening the shared board…" />
      {collab ? <RootCauseBoard collab={collab} me={me} access={access} isFacilitator={isFacilitator} /> : null}
      <NoteFromAddress />
      {/* After the board: downloading is secondary to working on it, and the board keeps its place on screen. */}
      <ExportLinks
        label="Download the board"
        links={[
          { href: `/communities/${community.id}/board/export.svg`, text: "Download board (SVG)" },
          { href: `/communities/${community.id}/board/export.png`, text: "Download board (PNG)" },
        ]}
      />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.community.name ?? "Root causes"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
