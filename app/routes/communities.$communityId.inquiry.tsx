import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { documentName } from "../../collab/doc-names";
import { inquiryFields } from "../../collab/documents/inquiry";
import { listPeerPairs } from "../../db/queries/community-home";
import { MentionPeople } from "../components/collab/collaborative-editor";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument, type CollabState, type CollabUser } from "../components/collab/use-collab-document";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { ExportLinks } from "../features/exports/components/export-links";
import { CommentedSection } from "../features/inquiry/components/commented-section";
import { PeerCheck, type ShownPair } from "../features/inquiry/components/peer-check";
import { StatusPage } from "../components/status-page";
import { pairsOf } from "../features/communities/community-steps";
import { requireCommunityInquiry } from "../features/communities/guard.server";
import { mentionCandidates } from "../features/notifications/mentions.server";
import { canCommentOnInquiry, canEditInquirySection, isCommunityMember } from "../kernel/permissions";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, community, access, isFacilitator, me } = await requireCommunityInquiry({
    context,
    request,
    params,
  });
  const docName = documentName("inquiry", community.id);
  const [pairRows, mentions] = await Promise.all([
    listPeerPairs(context.services.db, community.id),
    // Who "@" offers: everyone the permission module lets open the inquiry (readers write nothing).
    access === "write" ? mentionCandidates(context.services.db, docName, me.id) : Promise.resolve([]),
  ]);
  const pairs = pairsOf(pairRows);
  const isMember = isCommunityMember(actor, scope);
  // A member works on their own pair's notes; facilitators (and readers) follow every pair.
  const onlyMine = isMember && !isFacilitator;
  const shownPairs = onlyMine ? pairs.filter((pair) => pair.includes(me.id)) : pairs;
  return json({
    community,
    docName,
    access,
    mentions,
    me,
    canComment: canCommentOnInquiry(actor, scope),
    sections: community.members.map((m) => ({ ...m, canEdit: canEditInquirySection(actor, scope, [m.id]) })),
    pairs: shownPairs.map(([a, b]): ShownPair => ({ a, b, canEdit: canEditInquirySection(actor, scope, [a, b]) })),
    isMember,
    isPairedMember: onlyMine && shownPairs.length > 0,
  });
}

export default function InquiryPage() {
  const data = useLoaderData<typeof loader>();
  const collab = useCollabDocument(data.docName, data.me, data.access);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <CommunityHeader
        community={data.community}
        title="our inquiry"
        step="inquiry"
        me={data.me}
        inquiryConnection={collab?.provider ?? null}
      />
      <p className="mt-3 flex flex-wrap gap-3 text-sm">
        <a href="#step-1" className="text-brand-700 underline">
          Stories
        </a>
        <a href="#step-2" className="text-brand-700 underline">
          What I needed
        </a>
        <a href="#step-3" className="text-brand-700 underline">
          Peer check
        </a>
      </p>
      <ExportLinks
        label="Export the inquiry"
        links={[
          { href: `/communities/${data.community.id}/inquiry/export.pdf`, text: "Download PDF" },
          { href: `/communities/${data.community.id}/inquiry/export.md`, text: "Download Markdown" },
        ]}
        note="Every step: stories, needs, peer check, root causes, questions and linked priorities."
      />
      <StickyCollabStatus collab={collab} opening="Opening the shared document…" />
      {collab ? (
        <MentionPeople people={data.mentions}>
          <InquirySections collab={collab} data={data} />
        </MentionPeople>
      ) : null}
    </main>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function InquirySections({ collab, data }: { collab: CollabState; data: PageData }) {
  const me: CollabUser = data.me;
  const section = (
    m: PageData["sections"][number],
    field: string,
    labelId: string,
    title: string,
    placeholder: string,
  ) => (
    <CommentedSection
      collab={collab}
      me={me}
      field={field}
      labelId={labelId}
      title={title}
      canEdit={m.canEdit}
      canComment={data.canComment}
      placeholder={placeholder}
    />
  );
  return (
    <div className="mt-4 space-y-10">
      <section id="step-1" aria-labelledby="stories-heading">
        <h2 id="stories-heading" className="text-xl font-semibold">
          1. Stories
        </h2>
        <p className="text-sm text-slate-700">
          Each of us tells the story of a recent equity challenge we could not address.
          {data.canComment ? " Select words in someone's story to comment on them." : null}
        </p>
        {data.sections.map((m) => (
          <div key={m.id} className="mt-4">
            <h3 id={`story-${m.id}`} className="font-medium">
              {m.id === me.id ? "Your story" : `${m.name}'s story`}
            </h3>
            {section(
              m,
              inquiryFields.story(m.id),
              `story-${m.id}`,
              m.id === me.id ? "your story" : `${m.name}'s story`,
              "Tell the story of a recent equity challenge you could not address: who it affected, what happened, what you tried. Type ## for a heading, - for a list.",
            )}
          </div>
        ))}
      </section>
      <section id="step-2" aria-labelledby="needed-heading">
        <h2 id="needed-heading" className="text-xl font-semibold">
          2. What I needed but did not have
        </h2>
        {data.sections.map((m) => (
          <div key={m.id} className="mt-4">
            <h3 id={`needed-${m.id}`} className="font-medium">
              {m.id === me.id ? "You" : m.name}
            </h3>
            {section(
              m,
              inquiryFields.needed(m.id),
              `needed-${m.id}`,
              m.id === me.id ? "your reflection" : `${m.name}'s reflection`,
              "What did you need but not have: knowledge, skills, time, people, a policy? Who could have helped?",
            )}
          </div>
        ))}
      </section>
      <section id="step-3" aria-labelledby="peer-heading">
        <h2 id="peer-heading" className="text-xl font-semibold">
          3. Peer check
        </h2>
        <p className="text-sm text-slate-700">
          With your partner, question the assumptions in each other&apos;s stories. Keep notes here.
        </p>
        <PeerCheck
          collab={collab}
          me={me}
          members={data.community.members}
          pairs={data.pairs}
          isPairedMember={data.isPairedMember}
          isMember={data.isMember}
          homeHref={`/communities/${data.community.id}`}
        />
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.community.name ?? "Inquiry"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
