import { Link } from "@remix-run/react";
import { inquiryFields } from "../../../../collab/documents/inquiry";
import { CollaborativeEditor } from "../../../components/collab/collaborative-editor";
import type { CollabState, CollabUser } from "../../../components/collab/use-collab-document";

export type ShownPair = { a: string; b: string; canEdit: boolean };

/**
 * Step 3: the notes of the peer-check pairs the facilitator set. A paired member sees their own
 * pair's notes; facilitators and readers see every pair's.
 */
export function PeerCheck({
  collab,
  me,
  members,
  pairs,
  isPairedMember,
  isMember,
  homeHref,
}: {
  collab: CollabState;
  me: CollabUser;
  members: Array<{ id: string; name: string }>;
  pairs: ShownPair[];
  isPairedMember: boolean;
  isMember: boolean;
  homeHref: string;
}) {
  const name = (id: string) => members.find((m) => m.id === id)?.name ?? "A former member";
  if (pairs.length === 0) {
    return (
      <p className="mt-2 text-sm text-slate-800" data-testid="no-pair">
        {isMember ? "Your facilitator has not paired you yet." : "The facilitator has not set any pairs yet."} Pairs are
        set on the{" "}
        <Link to={homeHref} className="text-brand-700 underline">
          community home
        </Link>
        .
      </p>
    );
  }
  return (
    <>
      {pairs.map(({ a, b, canEdit }) => {
        const headingId = `peer-notes-${a}-${b}`;
        const partner = a === me.id ? b : a;
        return (
          <div key={`${a}+${b}`} className="mt-3">
            <h3 id={headingId} className="font-medium">
              {isPairedMember ? `Notes with ${name(partner)}` : [name(a), name(b)].sort().join(" and ")}
            </h3>
            <CollaborativeEditor
              doc={collab.doc}
              provider={collab.provider}
              field={inquiryFields.peerCheck(a, b)}
              user={me}
              editable={canEdit}
              labelId={headingId}
              label={isPairedMember ? `your notes with ${name(partner)}` : "these notes"}
              placeholder={
                canEdit ? "What did you each try since the last session, and what did you notice?" : "No notes yet."
              }
            />
          </div>
        );
      })}
    </>
  );
}
