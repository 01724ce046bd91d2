import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import {
  Bold,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  Quote,
  Redo2,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { LinkForm } from "./link-form";

type Tool = {
  id: string;
  label: string;
  /** The keyboard shortcut, shown in the tooltip and announced (aria-keyshortcuts). */
  keys?: string;
  icon: LucideIcon;
  run: (editor: Editor) => void;
  /** A toggle shows whether it is on where the caret is (aria-pressed). */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
};

const chain = (editor: Editor) => editor.chain().focus();

const tools: Tool[] = [
  {
    id: "bold",
    label: "Bold",
    keys: "Control+B",
    icon: Bold,
    run: (e) => chain(e).toggleBold().run(),
    active: (e) => e.isActive("bold"),
  },
  {
    id: "italic",
    label: "Italic",
    keys: "Control+I",
    icon: Italic,
    run: (e) => chain(e).toggleItalic().run(),
    active: (e) => e.isActive("italic"),
  },
  {
    id: "h2",
    label: "Heading",
    icon: Heading2,
    run: (e) => chain(e).toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive("heading", { level: 2 }),
  },
  {
    id: "h3",
    label: "Subheading",
    icon: Heading3,
    run: (e) => chain(e).toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive("heading", { level: 3 }),
  },
  {
    id: "bullets",
    label: "Bulleted list",
    icon: List,
    run: (e) => chain(e).toggleBulletList().run(),
    active: (e) => e.isActive("bulletList"),
  },
  {
    id: "numbers",
    label: "Numbered list",
    icon: ListOrdered,
    run: (e) => chain(e).toggleOrderedList().run(),
    active: (e) => e.isActive("orderedList"),
  },
  {
    id: "quote",
    label: "Quote",
    icon: Quote,
    run: (e) => chain(e).toggleBlockquote().run(),
    active: (e) => e.isActive("blockquote"),
  },
  {
    id: "undo",
    label: "Undo your last change",
    keys: "Control+Z",
    icon: Undo2,
    run: (e) => chain(e).undo().run(),
    enabled: (e) => e.can().undo(),
  },
  {
    id: "redo",
    label: "Redo",
    keys: "Control+Shift+Z",
    icon: Redo2,
    run: (e) => chain(e).redo().run(),
    enabled: (e) => e.can().redo(),
  },
];

/**
 * The formatting bar above an editable shared text: one Tab stop, arrow keys move between buttons
 * (the WAI-ARIA toolbar pattern), toggles say whether they are on. Undo and redo are the Yjs undo
 * manager's, so they only ever take back this person's own changes, never a colleague's words.
 */
export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: Object.fromEntries(tools.map((t) => [t.id, t.active?.(e) ?? false])),
      enabled: Object.fromEntries(tools.map((t) => [t.id, t.enabled?.(e) ?? true])),
      link: e.isActive("link"),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
    }),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  // The selection a link is for, kept while focus is in the address field (the editor loses it on blur).
  const [linking, setLinking] = useState<{ from: number; to: number } | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const count = tools.length + 1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -focusIndex,
      End: count - 1 - focusIndex,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (focusIndex + moves[event.key] + count) % count;
    setFocusIndex(next);
    bar.current?.querySelectorAll<HTMLButtonElement>("button[data-tool]")[next]?.focus();
  };

  const button = (index: number, tool: Pick<Tool, "id" | "label" | "keys" | "icon">, onClick: () => void) => {
    const Icon = tool.icon;
    const pressed = tool.id === "link" ? state.link : state.active[tool.id];
    const disabled = tool.id === "link" ? false : !state.enabled[tool.id];
    const isToggle = tool.id === "link" || tools.find((t) => t.id === tool.id)?.active;
    return (
      <button
        key={tool.id}
        type="button"
        data-tool={tool.id}
        tabIndex={index === focusIndex ? 0 : -1}
        aria-pressed={isToggle ? pressed : undefined}
        aria-disabled={disabled || undefined}
        aria-keyshortcuts={tool.keys}
        title={tool.keys ? `${tool.label} (${tool.keys.replace("Control", "Ctrl")})` : tool.label}
        onFocus={() => setFocusIndex(index)}
        // Keep the text selection: a mousedown on the bar would otherwise move focus and lose it.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (disabled ? undefined : onClick())}
        className="inline-flex h-11 w-11 items-center justify-center rounded text-slate-800 hover:bg-slate-200 aria-disabled:opacity-40 aria-pressed:bg-brand-100 aria-pressed:text-brand-800"
      >
        <Icon aria-hidden="true" size={18} strokeWidth={2.25} />
        <span className="sr-only">{tool.label}</span>
      </button>
    );
  };

  return (
    <div className="rounded-t-md border border-b-0 border-slate-300 bg-slate-50">
      <div
        ref={bar}
        role="toolbar"
        aria-label={`Formatting for ${label}`}
        onKeyDown={onKeyDown}
        className="flex flex-wrap items-center gap-0.5 px-1 py-1"
      >
        {tools.slice(0, 7).map((tool, i) => button(i, tool, () => tool.run(editor)))}
        {button(7, { id: "link", label: "Link", icon: Link }, () =>
          setLinking((open) => (open ? null : { from: editor.state.selection.from, to: editor.state.selection.to })),
        )}
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-300" />
        {tools.slice(7).map((tool, i) => button(8 + i, tool, () => tool.run(editor)))}
      </div>
      {linking ? (
        <LinkForm
          initial={state.href}
          onSave={(href) => {
            const at = chain(editor).setTextSelection(linking).extendMarkRange("link");
            // With no words selected (and no link at the caret), the address itself becomes the linked text.
            const done =
              linking.from === linking.to && !state.link
                ? at.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run()
                : at.setLink({ href }).run();
            if (done) setLinking(null);
            return done;
          }}
          onRemove={() => {
            chain(editor).setTextSelection(linking).extendMarkRange("link").unsetLink().run();
            setLinking(null);
          }}
          onCancel={() => {
            setLinking(null);
            chain(editor).setTextSelection(linking).run();
          }}
        />
      ) : null}
    </div>
  );
}
