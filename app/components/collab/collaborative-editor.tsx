import type { Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { isSafeHref } from "../../kernel/safe-url";
import { EditorToolbar } from "./editor-toolbar";
import { mentionExtension, type MentionCandidate } from "./mention-extension";
import { ReadOnlyText } from "./read-only-text";
import { SlashCommands } from "./slash-menu";
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
  /** What to write here, shown in an empty editor ("Tell the story of…"). */
  placeholder?: string;
  /** More Tiptap extensions; keep the array stable between renders (the editor is rebuilt when it changes). */
  extensions?: Extensions;
  /**
   * The people who can open this document (from the page's loader, through the permission module):
   * in an editable text, typing "@" offers them. Without it, the nearest `MentionPeople` gives them;
   * with neither, mentions already written still show but "@" offers nobody.
   */
  mentions?: readonly MentionCandidate[];
};

const MentionPeopleContext = createContext<readonly MentionCandidate[] | null>(null);

/**
 * Gives every shared editor inside it the people who may be mentioned, so a page passes its
 * loader's list once, however deep its editors sit (the inquiry's sections and peer checks).
 */
export function MentionPeople({ people, children }: { people: readonly MentionCandidate[]; children: ReactNode }) {
  return <MentionPeopleContext.Provider value={people}>{children}</MentionPeopleContext.Provider>;
}

const NO_EXTENSIONS: Extensions = [];

/** Headings, quotes, links and the empty-field hint, styled where the editor is (the stylesheet has lists and paragraphs). */
const blockStyles = [
  "[&_h2]:mt-3 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-800",
  "[&_a]:text-brand-700 [&_a]:underline",
  "[&_p.is-editor-empty:first-child]:before:pointer-events-none [&_p.is-editor-empty:first-child]:before:float-left [&_p.is-editor-empty:first-child]:before:h-0",
  "[&_p.is-editor-empty:first-child]:before:text-slate-600 [&_p.is-editor-empty:first-child]:before:content-[attr(data-placeholder)]",
].join(" ");

/** A Tiptap editor bound to one fragment of a shared document, with other people's carets. */
export function useCollaborativeEditor({
  doc,
  provider,
  field,
  user,
  editable,
  selectable = false,
  labelId,
  placeholder = "",
  extensions = NO_EXTENSIONS,
  mentions,
}: CollaborativeEditorProps): Editor | null {
  const readOnlySelectable = !editable && selectable;
  // Read through a ref, so a new list from the loader (after any action) does not rebuild the editor.
  const fromPage = useContext(MentionPeopleContext);
  const people = useRef<readonly MentionCandidate[] | null>(null);
  people.current = editable ? (mentions ?? fromPage) : null;
  const mentionNode = useMemo(() => mentionExtension(() => people.current), []);
  return useEditor(
    {
      immediatelyRender: false,
      // A selectable read-only field is a contenteditable whose changes are all refused, so the
      // browser's own caret and Shift+Arrow selection work (a non-editable one has neither).
      editable: editable || readOnlySelectable,
      extensions: [
        // Yjs brings its own undo (per person), so StarterKit's is off. Markdown shortcuts ("## ",
        // "- ", "1. ", "> ", **bold**) are StarterKit's input rules. Links: web and email only,
        // checked again wherever text is rendered.
        StarterKit.configure({
          undoRedo: false,
          heading: { levels: [2, 3] },
          link: {
            openOnClick: false,
            autolink: true,
            defaultProtocol: "https",
            isAllowedUri: (url) => isSafeHref(url),
            shouldAutoLink: (url) => isSafeHref(url),
            HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
          },
        }),
        ...(placeholder ? [Placeholder.configure({ placeholder, showOnlyWhenEditable: false })] : []),
        ...(editable ? [SlashCommands] : []),
        // Always in the schema, so every view shows mentions; only offers people when `mentions` is given.
        mentionNode,
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
          class: `prose-editor ${blockStyles} min-h-24 rounded-md border border-slate-300 px-3 py-2 focus:outline-none ${editable ? "bg-white" : "bg-slate-50"}`,
        },
      },
    },
    [doc, provider, field, editable, readOnlySelectable, extensions, placeholder, mentionNode],
  );
}

/**
 * An editor on the page: the formatting toolbar when the person may write, then the text. The
 * wrapper carries `data-field`, so tests and styles find a field's text by its document field.
 */
export function EditorSurface({
  editor,
  field,
  editable,
  label,
}: {
  editor: Editor | null;
  field: string;
  editable: boolean;
  /** The field's name in words, for the toolbar's label ("Formatting for Ada's story"). */
  label?: string;
}) {
  return (
    <div data-field={field} className={editable ? "[&_.prose-editor]:rounded-t-none" : undefined}>
      {editable && editor ? <EditorToolbar editor={editor} label={label ?? "this text"} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/** A rich-text field bound to one fragment of a shared document, with other people's carets and @mentions. */
export function CollaborativeEditor(props: CollaborativeEditorProps & { label?: string }) {
  const editor = useCollaborativeEditor(props);
  return <EditorSurface editor={editor} field={props.field} editable={props.editable} label={props.label} />;
}
