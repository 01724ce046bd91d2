import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { documentName } from "../../collab/doc-names";
import { chosenQuestion, listQuestions } from "../../collab/documents/hmw";
import { listNotes } from "../../collab/documents/root-cause-board";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument, type CollabState, type CollabUser } from "../components/collab/use-collab-document";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { DraftQuestion } from "../features/inquiry/components/hmw/draft-question";
import { QuestionCard } from "../features/inquiry/components/hmw/question-card";
import { groupNotes } from "../features/inquiry/components/hmw/source-notes";
import { StatusPage } from "../components/status-page";
import { requireCommunityDocument } from "../features/communities/guard.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { community, access, me } = await requireCommunityDocument(context, request, params.communityId, "hmw");
  return json({
    community,
    hmwDoc: documentName("hmw", community.id),
    boardDoc: documentName("root-cause-board", community.id),
    access,
    me,
  });
}

export default function QuestionsPage() {
  const { community, hmwDoc, boardDoc, access, me } = useLoaderData<typeof loader>();
  const hmw = useCollabDocument(hmwDoc, me, access);
  // The board is only read here, for the notes' texts: no local copy, no writes.
  const board = useCollabDocument(boardDoc, me, "read");
  // Reading the board from this page is not being at the board, so show no presence there.
  const boardAwareness = board?.provider.awareness;
  useEffect(() => {
    if (boardAwareness && boardAwareness.getLocalState() !== null) boardAwareness.setLocalState(null);
  }, [boardAwareness]);
  const chosen = hmw ? chosenQuestion(hmw.doc) : null;
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <CommunityHeader community={community} title="how might we…" step="questions" me={me} />
      {chosen ? (
        <section
          aria-label="Our inquiry question"
          className="mt-4 rounded-md border-2 border-green-700 bg-green-50 p-4"
          data-testid="chosen-question"
        >
          <p className="text-lg text-green-950">
            <strong>Our inquiry question:</strong> {chosen.text}
          </p>
        </section>
      ) : null}
      <StickyCollabStatus collab={hmw} opening="Opening the shared document…" />
      {hmw ? <Questions hmw={hmw} board={board} me={me} canWrite={access === "write"} /> : null}
    </main>
  );
}

function Questions({
  hmw,
  board,
  me,
  canWrite,
}: {
  hmw: CollabState;
  board: CollabState | null;
  me: CollabUser;
  canWrite: boolean;
}) {
  const notes = board ? listNotes(board.doc) : [];
  const byId = new Map(notes.map((n) => [n.id, n]));
  const questions = listQuestions(hmw.doc);
  return (
    <div className="mt-4 space-y-8">
      <p className="text-slate-700">
        Turn the root causes into &ldquo;How might we…&rdquo; questions, refine them together, vote, and choose the one
        question that anchors our year.
      </p>
      {canWrite ? <DraftQuestion doc={hmw.doc} me={me} notesByCategory={groupNotes(notes)} /> : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-xl font-semibold">
          Our questions
        </h2>
        {questions.length === 0 ? (
          <p className="mt-2 text-slate-700">No questions yet.</p>
        ) : (
          <ul className="mt-3 space-y-3" aria-labelledby="questions-heading">
            {questions.map((q) => (
              <QuestionCard key={q.id} doc={hmw.doc} question={q} userId={me.id} notes={byId} canWrite={canWrite} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.community.name ?? "How might we"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
