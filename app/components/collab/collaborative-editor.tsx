import type { Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { ReadOnlyText } from "./read-only-text";
import type { CollabUser } from "./use-collab-document";

export type CollaborativeEditorProps = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  field: string;
  user: CollabUser;
  /** May change the text. */
  editable: boolean;
  /**
   * When not editable: may still place a caret and select text with the keyboard (to comment on
   * it). The text stays unchangeable and is announced as read-only.
   */
  selectable?: boolean;
  labelId: string;
  /** More Tiptap extensions; keep the array stable between renders (the editor is rebuilt when it changes). */
  extensions?: Extensions;
};

const NO_EXTENSIONS: Extensions = [];

/** A Tiptap editor bound to one fragment of a shared document, with other people's carets. */
export function useCollaborativeEditor({
  doc,
  provider,
  field,
  user,
  editable,
  selectable = false,
  labelId,
  extensions = NO_EXTENSIONS,
}: CollaborativeEditorProps): Editor | null {
  const readOnlySelectable = !editable && selectable;
  return useEditor(
    {
      immediatelyRender: false,
      // A selectable read-only field is a contenteditable whose changes are all refused, so the
      // browser's own caret and Shift+Arrow selection work (a non-editable one has neither).
      editable: editable || readOnlySelectable,
      extensions: [
        // Yjs brings its own undo, so StarterKit's is off.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field }),
        // The caret extension owns the awareness "user" field; it carries the id the presence list needs.
        CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: user.color } }),
        ...(readOnlySelectable ? [ReadOnlyText] : []),
        ...extensions,
      ],
      editorProps: {
        attributes: {
          // A role, so the labels and read-only state are announced (and allowed: axe aria-allowed-attr).
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          "aria-readonly": editable ? "false" : "true",
          class: `prose-editor min-h-24 rounded-md border border-slate-300 px-3 py-2 focus:outline-none ${editable ? "bg-white" : "bg-slate-50"}`,
        },
      },
    },
    [doc, provider, field, editable, readOnlySelectable, extensions],
  );
}

/** A rich-text field bound to one fragment of a shared document, with other people's carets. */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const editor = useCollaborativeEditor(props);
  return <EditorContent editor={editor} data-field={props.field} />;
}
