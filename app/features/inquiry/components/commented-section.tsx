import { useEditorState } from "@tiptap/react";
import { useMemo, useRef, useState } from "react";
import {
  addComment,
  commentAnchor,
  commentRange,
  deleteComment,
  listComments,
  reopenComment,
  resolveComment,
  type CommentAnchor,
} from "../../../../collab/documents/inquiry";
import { EditorSurface, useCollaborativeEditor } from "../../../components/collab/collaborative-editor";
import type { CollabState, CollabUser } from "../../../components/collab/use-collab-document";
import { CommentForm } from "./comment-form";
import { CommentHighlights } from "./comment-highlights";
import { fieldSlug } from "./comment-ids";
import { CommentList } from "./comment-list";
import { textOffsetAt } from "./text-offsets";

/**
 * A section of the inquiry (a story, a reflection) with inline comments: whoever may comment
 * selects words, presses "Comment on selection" and writes; the passage is highlighted for
 * everyone and the comments are listed under the section, all live.
 */
export function CommentedSection({
  collab: { doc, provider },
  me,
  field,
  labelId,
  title,
  canEdit,
  canComment,
  placeholder,
}: {
  collab: CollabState;
  me: CollabUser;
  field: string;
  labelId: string;
  /** What the section is, in words ("Ada's story"). */
  title: string;
  canEdit: boolean;
  canComment: boolean;
  /** What to write, shown while the person's own section is empty. */
  placeholder?: string;
}) {
  const extensions = useMemo(() => [CommentHighlights.configure({ doc, field })], [doc, field]);
  const editor = useCollaborativeEditor({
    doc,
    provider,
    field,
    user: me,
    editable: canEdit,
    selectable: canComment,
    labelId,
    extensions,
    placeholder: canEdit ? placeholder : `Nothing written in ${title} yet.`,
  });
  const hasSelection =
    useEditorState({ editor, selector: ({ editor: e }) => !!e && !e.state.selection.empty }) ?? false;
  const [draft, setDraft] = useState<{ anchor: CommentAnchor; quote: string } | null>(null);
  const [notice, setNotice] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  const slug = fieldSlug(field);
  const headingId = `comments-${slug}`;
  // A resolved or deleted comment's buttons are gone: keep the focus in the list (or on the button).
  const focusLater = (id: string) =>
    requestAnimationFrame(() => (document.getElementById(id) ?? button.current)?.focus());

  const start = () => {
    if (!editor || !hasSelection) return setNotice(`Select words in ${title} first.`);
    const { from, to } = editor.state.selection;
    const pm = editor.state.doc;
    const anchor = commentAnchor(doc, field, textOffsetAt(pm, from), textOffsetAt(pm, to));
    const quote = pm.textBetween(from, to, " ").trim();
    if (!anchor || !quote) return setNotice("Select some words, not just empty lines.");
    setNotice("");
    setDraft({ anchor, quote });
  };
  const close = (message = "") => {
    setDraft(null);
    setNotice(message);
    button.current?.focus();
  };
  const comments = listComments(doc, field).map((c) => ({ ...c, removed: commentRange(doc, c) === null }));
  const act = (change: (id: string) => void) => (id: string) => {
    change(id);
    focusLater(headingId);
  };

  return (
    <div>
      <EditorSurface editor={editor} field={field} editable={canEdit} label={title} />
      {canComment ? (
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <button
            ref={button}
            type="button"
            onClick={start}
            aria-disabled={!hasSelection}
            aria-describedby={`${slug}-comment-hint`}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-50 aria-disabled:opacity-60"
          >
            Comment on selection
          </button>
          <span id={`${slug}-comment-hint`} className="text-sm text-slate-700">
            Select words in {title} to comment on them.
          </span>
          <span role="status" className="text-sm text-slate-800">
            {notice}
          </span>
        </div>
      ) : null}
      {draft ? (
        <CommentForm
          id={`${slug}-new-comment`}
          quote={draft.quote}
          onCancel={() => close()}
          onAdd={(text) => {
            addComment(doc, { field, authorId: me.id, authorName: me.name, text, ...draft });
            close("Comment added.");
          }}
        />
      ) : null}
      <CommentList
        comments={comments}
        meId={me.id}
        canComment={canComment}
        headingId={headingId}
        title={title}
        onResolve={act((id) => resolveComment(doc, id))}
        onReopen={act((id) => reopenComment(doc, id))}
        onDelete={act((id) => deleteComment(doc, id))}
      />
    </div>
  );
}
