import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { documentName } from "../../collab/doc-names";
import { chosenQuestion, hmwRules, listQuestions } from "../../collab/documents/hmw";
import { listNotes, type StickyNote } from "../../collab/documents/root-cause-board";
import { may, type DocActor } from "../../collab/documents/rules";
import { openRound } from "../../collab/documents/voting-rounds";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument, type CollabState, type CollabUser } from "../components/collab/use-collab-document";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { VotingPanel } from "../components/voting";
import { DraftQuestion } from "../features/inquiry/components/hmw/draft-question";
import { HeroQuestion } from "../features/inquiry/components/hmw/hero-question";
import { QuestionCard } from "../features/inquiry/components/hmw/question-card";
import { groupNotes } from "../features/inquiry/components/hmw/source-notes";
import { StatusPage } from "../components/status-page";
import { requireCommunityDocument } from "../features/communities/guard.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { community, access, isFacilitator, me } = await requireCommunityDocument(
    context,
    request,
    params.communityId,
    "hmw",
  );
  return json({
    community,
    hmwDoc: documentName("hmw", community.id),
    boardDoc: documentName("root-cause-board", community.id),
    access,
    // A facilitator who can only read (none today) acts as a reader: `may` checks canWrite first.
    isFacilitator: access === "write" && isFacilitator,
    me,
  });
}

export default function QuestionsPage() {
  const { community, hmwDoc, boardDoc, access, isFacilitator, me } = useLoaderData<typeof loader>();
  const hmw = useCollabDocument(hmwDoc, me, access);
  // The board is only read here, for the notes' texts: no local copy, no writes.
  const board = useCollabDocument(boardDoc, me, "read");
  // Reading the board from this page is not being at the board, so show no presence there.
  const boardAwareness = board?.provider.awareness;
  useEffect(() => {
    if (boardAwareness && boardAwareness.getLocalState() !== null) boardAwareness.setLocalState(null);
  }, [boardAwareness]);
  const actor: DocActor = { userId: me.id, canWrite: access === "write", isFacilitator };
  const notes = board ? listNotes(board.doc) : [];
  const byId = new Map(notes.map((n) => [n.id, n]));
  const chosen = hmw ? chosenQuestion(hmw.doc) : null;
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <CommunityHeader community={community} title="how might we…" step="questions" me={me} />
      {chosen ? <HeroQuestion question={chosen} notes={byId} /> : null}
      <StickyCollabStatus collab={hmw} opening="Opening the shared document…" />
      {hmw ? <Questions hmw={hmw} notes={notes} byId={byId} actor={actor} me={me} /> : null}
    </main>
  );
}

function Questions({
  hmw,
  notes,
  byId,
  actor,
  me,
}: {
  hmw: CollabState;
  me: CollabUser;
  notes: StickyNote[];
  byId: Map<string, StickyNote>;
  actor: DocActor;
}) {
  const questions = listQuestions(hmw.doc);
  const round = openRound(hmw.doc);
  return (
    <div className="mt-4 space-y-8">
      <p className="text-slate-700">
        Turn the root causes into &ldquo;How might we…&rdquo; questions, refine them together, vote with dots, and
        choose the one question that anchors our year.
      </p>
      {may(actor, hmwRules.draft) ? <DraftQuestion doc={hmw.doc} me={me} notesByCategory={groupNotes(notes)} /> : null}
      {questions.length > 0 ? (
        <VotingPanel
          doc={hmw.doc}
          me={{ id: actor.userId }}
          actor={actor}
          items={questions.map((q) => ({ id: q.id, text: q.text }))}
          itemsLabel="questions"
        />
      ) : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-xl font-semibold">
          Our questions
        </h2>
        {questions.length === 0 ? (
          <p className="mt-2 text-slate-700">No questions yet.</p>
        ) : (
          <ul className="mt-3 space-y-3" aria-labelledby="questions-heading">
            {questions.map((q) => (
              <QuestionCard key={q.id} doc={hmw.doc} question={q} actor={actor} notes={byId} round={round} />
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
