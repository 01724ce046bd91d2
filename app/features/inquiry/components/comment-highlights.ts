import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type * as Y from "yjs";
import { commentRange, listComments, onCommentsChange } from "../../../../collab/documents/inquiry";
import { commentElementId } from "./comment-ids";
import { posAtTextOffset } from "./text-offsets";

const key = new PluginKey<DecorationSet>("inquiryCommentHighlights");

/** A <mark> over the passage of each open comment whose passage is still there. */
function highlights(pmDoc: PmNode, doc: Y.Doc, field: string): DecorationSet {
  const decorations: Decoration[] = [];
  for (const comment of listComments(doc, field)) {
    if (comment.resolved) continue;
    const range = commentRange(doc, comment);
    const from = range && posAtTextOffset(pmDoc, range.from, "start");
    const to = range && posAtTextOffset(pmDoc, range.to, "end");
    if (from == null || to == null || from >= to) continue;
    decorations.push(
      Decoration.inline(from, to, {
        nodeName: "mark",
        class: "comment-highlight",
        "data-comment-id": comment.id,
        // <mark> may not carry aria-label (axe: aria-prohibited-attr); the comment itself describes it.
        title: `Comment by ${comment.authorName}: ${comment.text}`,
        "aria-describedby": commentElementId(comment.id),
      }),
    );
  }
  return DecorationSet.create(pmDoc, decorations);
}

/**
 * Highlights the passages people commented on, live: recomputed from the shared document when a
 * comment changes or someone else's edit arrives, and mapped through this person's own edits.
 */
export const CommentHighlights = Extension.create<{ doc: Y.Doc | null; field: string }>({
  name: "inquiryCommentHighlights",
  addOptions: () => ({ doc: null, field: "" }),
  addProseMirrorPlugins() {
    const { doc, field } = this.options;
    if (!doc) return [];
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => highlights(state.doc, doc, field),
          apply: (tr, old, _oldState, state) =>
            tr.getMeta(key) || isChangeOrigin(tr) ? highlights(state.doc, doc, field) : old.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => key.getState(state) },
        view: (view) => {
          let queued = false;
          // Comments change outside ProseMirror; redraw once the change (and any sync it is part of) is done.
          const stop = onCommentsChange(doc, () => {
            if (queued) return;
            queued = true;
            queueMicrotask(() => {
              queued = false;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, true));
            });
          });
          return { destroy: stop };
        },
      }),
    ];
  },
});
