import { Placeholder } from "@tiptap/extensions";
import { Markdown } from "@tiptap/markdown";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState, type TextareaHTMLAttributes } from "react";
import { isSafeHref } from "../../kernel/safe-url";
import { EditorToolbar } from "../collab/editor-toolbar";
import { SlashCommands } from "../collab/slash-menu";
import { ErrorList } from "../ui/field";
import { richTextStyles } from "./rich-text-styles";

type RichTextFieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  /** What to write here, shown in the empty editor ("What did you see in lessons?"). */
  placeholder: string;
  /** Height of the plain field before scripts load (and without them). */
  rows?: number;
  /** Conform's `getTextareaProps(field)`: the textarea keeps its name, value and constraints. */
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; key?: unknown };
};

const control =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

/**
 * Only the blocks and marks the toolbar offers (and `body-blocks.ts` reads back): no code, strike,
 * underline or rules. StarterKit's own undo/redo is on: there is no Yjs here.
 */
const extensions = (placeholder: string) => [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url) => isSafeHref(url),
      shouldAutoLink: (url) => isSafeHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  Placeholder.configure({ placeholder }),
  SlashCommands,
  Markdown,
];

/** The editor's text as the Markdown the form sends ("" when empty, so "required" still means something). */
const markdownOf = (editor: Editor) => (editor.isEmpty ? "" : editor.getMarkdown().trim());

/**
 * A long-text form field written with a formatting toolbar, Markdown shortcuts and a "/" menu, that
 * stores Markdown. Progressive enhancement: the server renders a labelled <textarea>, which works and
 * submits without JavaScript; once the page runs, the editor takes its place and writes into the
 * textarea (kept, visually hidden), so the form, Conform's validation and a refused save's kept text
 * work as before. Focus sent to the textarea (Conform's focus-on-error, "focus the first field")
 * moves into the editor.
 */
export function RichTextField({ label, hint, errors, placeholder, rows = 4, textareaProps }: RichTextFieldProps) {
  const { key: _key, ...props } = textareaProps;
  const { id } = props;
  const labelId = `${id}-label`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const textarea = useRef<HTMLTextAreaElement>(null);
  // What the textarea holds when the page hydrates (typed before scripts ran, or a refused save's).
  const [initial] = useState(() =>
    typeof document === "undefined"
      ? String(props.defaultValue ?? "")
      : ((document.getElementById(id) as HTMLTextAreaElement | null)?.value ?? String(props.defaultValue ?? "")),
  );

  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: extensions(placeholder),
      content: initial,
      contentType: "markdown",
      // Typed into the plain field between hydration and now (a quick hand, a slow phone): that text wins.
      onCreate: ({ editor: e }) => {
        const typed = textarea.current?.value;
        if (typed !== undefined && typed !== initial) e.commands.setContent(typed, { contentType: "markdown" });
      },
      onUpdate: ({ editor: e }) => {
        const field = textarea.current;
        if (!field || field.value === markdownOf(e)) return;
        field.value = markdownOf(e);
        // Conform listens on the document for the field's own events: revalidate as if typed there.
        field.dispatchEvent(new Event("input", { bubbles: true }));
      },
      onBlur: () => textarea.current?.dispatchEvent(new FocusEvent("focusout", { bubbles: true })),
    },
    [placeholder],
  );

  // The label, hint, errors and invalid state belong to the editor once it is there.
  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          ...(errorId ? { "aria-invalid": "true" } : {}),
          class: `prose-editor ${richTextStyles} min-h-28 rounded-b-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-600`,
        },
      },
    });
  }, [editor, labelId, describedBy, errorId]);

  // The textarea had focus before the editor arrived (a form opening at this field): keep it in the field.
  // Handing focus on is not the person leaving the field, so its focusout stops at the textarea:
  // Conform (listening on the document) must not mark an answer not yet written as "required".
  useEffect(() => {
    const field = textarea.current;
    if (!editor || !field) return;
    // Only the browser's own event: the editor's blur, re-sent from the textarea (isTrusted false), goes on.
    const handOver = (event: FocusEvent) => event.isTrusted && event.stopPropagation();
    field.addEventListener("focusout", handOver);
    if (document.activeElement === field) editor.commands.focus("end");
    return () => field.removeEventListener("focusout", handOver);
  }, [editor]);

  const enhanced = editor !== null;
  return (
    <div>
      <label
        id={labelId}
        htmlFor={enhanced ? undefined : id}
        onClick={enhanced ? () => editor.commands.focus() : undefined}
        className="block text-sm font-medium text-slate-800"
      >
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {enhanced ? (
        <div className="mt-1" data-rich-text={props.name}>
          <EditorToolbar editor={editor} label={label} />
          <EditorContent editor={editor} />
        </div>
      ) : null}
      <textarea
        rows={rows}
        {...props}
        ref={textarea}
        // Hidden from sight and from assistive technology once the editor shows, but still sent and focusable by script.
        className={enhanced ? "sr-only" : control}
        aria-hidden={enhanced || undefined}
        tabIndex={enhanced ? -1 : undefined}
        aria-invalid={!enhanced && errorId ? true : undefined}
        aria-describedby={enhanced ? undefined : describedBy}
        onFocus={enhanced ? () => editor.commands.focus() : undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
