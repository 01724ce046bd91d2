import type { InquiryComment } from "../../../../collab/documents/inquiry";
import { FormattedDate } from "../../../components/date-context";
import { canDeleteInquiryComment } from "../../../kernel/permissions";
import { commentElementId } from "./comment-ids";

export type ShownComment = InquiryComment & { removed: boolean };
type Actions = { onResolve: (id: string) => void; onReopen: (id: string) => void; onDelete: (id: string) => void };

/** A section's comments: open ones listed, resolved ones folded under "Resolved (N)". Nothing when there are none. */
export function CommentList({
  comments,
  meId,
  canComment,
  headingId,
  title,
  ...actions
}: { comments: ShownComment[]; meId: string; canComment: boolean; headingId: string; title: string } & Actions) {
  if (comments.length === 0) return null;
  const open = comments.filter((c) => !c.resolved);
  const resolved = comments.filter((c) => c.resolved);
  const item = (c: ShownComment) => (
    <CommentItem
      key={c.id}
      comment={c}
      canComment={canComment}
      canDelete={canDeleteInquiryComment(meId, c)}
      {...actions}
    />
  );
  return (
    <section aria-labelledby={headingId} className="mt-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <h4 id={headingId} tabIndex={-1} className="text-sm font-semibold text-slate-900">
        Comments on {title} ({open.length} open)
      </h4>
      {open.length ? <ul className="mt-2 space-y-2">{open.map(item)}</ul> : null}
      {resolved.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Resolved ({resolved.length})</summary>
          <ul className="mt-2 space-y-2">{resolved.map(item)}</ul>
        </details>
      ) : null}
    </section>
  );
}

function CommentItem({
  comment: c,
  canComment,
  canDelete,
  onResolve,
  onReopen,
  onDelete,
}: { comment: ShownComment; canComment: boolean; canDelete: boolean } & Actions) {
  const whose = <span className="sr-only"> {c.authorName}&apos;s comment</span>;
  const action = "text-sm font-medium text-brand-700 underline";
  return (
    <li
      id={commentElementId(c.id)}
      className="rounded-md border border-slate-200 bg-white p-2 text-sm"
      data-testid="inquiry-comment"
    >
      <p>
        <span className="font-semibold">{c.authorName}</span>{" "}
        <FormattedDate value={c.createdAt} style="medium-date-time" className="text-slate-700" />
      </p>
      <blockquote className="mt-1 border-l-4 border-amber-400 pl-2 text-slate-700">
        <q>{c.quote}</q>
        {c.removed ? <span className="ml-1 italic"> (the commented text was removed)</span> : null}
      </blockquote>
      <p className="mt-1 whitespace-pre-wrap text-slate-900">{c.text}</p>
      {canComment || canDelete ? (
        <div className="mt-1 flex gap-3">
          {canComment ? (
            <button type="button" className={action} onClick={() => (c.resolved ? onReopen : onResolve)(c.id)}>
              {c.resolved ? "Reopen" : "Resolve"}
              {whose}
            </button>
          ) : null}
          {canDelete ? (
            <button type="button" className="text-sm font-medium text-red-800 underline" onClick={() => onDelete(c.id)}>
              Delete
              {whose}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
