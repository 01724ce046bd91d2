import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { documentName } from "../../collab/doc-names";
import { inquiryFields } from "../../collab/documents/inquiry";
import { CollaborativeEditor } from "../components/collab/collaborative-editor";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument, type CollabState, type CollabUser } from "../components/collab/use-collab-document";
import { CommunityHeader } from "../components/community-nav";
import { StatusPage } from "../components/status-page";
import { requireCommunityDocument } from "../utils/community.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { community, access, isFacilitator, me } = await requireCommunityDocument(context, request, params.communityId, "inquiry");
  return json({ community, docName: documentName("inquiry", community.id), access, isFacilitator, me });
}

export default function InquiryPage() {
  const { community, docName, access, isFacilitator, me } = useLoaderData<typeof loader>();
  const collab = useCollabDocument(docName, me, access);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <CommunityHeader community={community} title="our inquiry" step="inquiry" me={me} inquiryConnection={collab?.provider ?? null} />
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
      <StickyCollabStatus collab={collab} opening="Opening the shared document…" />
      {collab ? <InquirySections collab={collab} me={me} members={community.members} canWriteAll={isFacilitator} access={access} /> : null}
    </main>
  );
}

function InquirySections({
  collab,
  me,
  members,
  canWriteAll,
  access,
}: {
  collab: CollabState;
  me: CollabUser;
  members: Array<{ id: string; name: string }>;
  canWriteAll: boolean;
  access: "read" | "write";
}) {
  const others = members.filter((m) => m.id !== me.id);
  const [partner, setPartner] = useState(others[0]?.id ?? "");
  const isMember = members.some((m) => m.id === me.id);
  const canWrite = (ownerId: string) => access === "write" && (canWriteAll || ownerId === me.id);
  const pairs = useMemo(() => (isMember && partner ? [[me.id, partner] as const] : []), [isMember, me.id, partner]);
  const editor = (field: string, labelId: string, editable: boolean) => (
    <CollaborativeEditor doc={collab.doc} provider={collab.provider} field={field} user={me} editable={editable} labelId={labelId} />
  );
  return (
    <div className="mt-4 space-y-10">
      <section id="step-1" aria-labelledby="stories-heading">
        <h2 id="stories-heading" className="text-xl font-semibold">
          1. Stories
        </h2>
        <p className="text-sm text-slate-700">Each of us tells the story of a recent equity challenge we could not address.</p>
        {members.map((m) => (
          <div key={m.id} className="mt-4">
            <h3 id={`story-${m.id}`} className="font-medium">
              {m.id === me.id ? "Your story" : `${m.name}'s story`}
            </h3>
            {editor(inquiryFields.story(m.id), `story-${m.id}`, canWrite(m.id))}
          </div>
        ))}
      </section>
      <section id="step-2" aria-labelledby="needed-heading">
        <h2 id="needed-heading" className="text-xl font-semibold">
          2. What I needed but did not have
        </h2>
        {members.map((m) => (
          <div key={m.id} className="mt-4">
            <h3 id={`needed-${m.id}`} className="font-medium">
              {m.id === me.id ? "You" : m.name}
            </h3>
            {editor(inquiryFields.needed(m.id), `needed-${m.id}`, canWrite(m.id))}
          </div>
        ))}
      </section>
      <section id="step-3" aria-labelledby="peer-heading">
        <h2 id="peer-heading" className="text-xl font-semibold">
          3. Peer check
        </h2>
        <p className="text-sm text-slate-700">With a partner, question the assumptions in each other&apos;s stories. Keep notes here.</p>
        {isMember && others.length > 0 ? (
          <>
            <label htmlFor="partner" className="mt-3 block text-sm font-medium">
              Your partner
            </label>
            <select id="partner" value={partner} onChange={(e) => setPartner(e.target.value)} className="mt-1 rounded-md border border-slate-400 px-2 py-1">
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            {pairs.map(([a, b]) => (
              <div key={`${a}+${b}`} className="mt-3">
                <h3 id="peer-notes" className="font-medium">
                  Notes with {others.find((o) => o.id === b)?.name}
                </h3>
                {editor(inquiryFields.peerCheck(a, b), "peer-notes", access === "write")}
              </div>
            ))}
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-700">Peer checks are kept by the pairs of members themselves.</p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.community.name ?? "Inquiry"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
