import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { CollabUser } from "./use-collab-document";

/** A rich-text field bound to one fragment of a shared document, with other people's carets. */
export function CollaborativeEditor({
  doc,
  provider,
  field,
  user,
  editable,
  labelId,
}: {
  doc: Y.Doc;
  provider: WebsocketProvider;
  field: string;
  user: CollabUser;
  editable: boolean;
  labelId: string;
}) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        // Yjs brings its own undo, so StarterKit's is off.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field }),
        // The caret extension owns the awareness "user" field; it carries the id the presence list needs.
        CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: user.color } }),
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
    [doc, provider, field, editable],
  );
  return <EditorContent editor={editor} data-field={field} />;
}
