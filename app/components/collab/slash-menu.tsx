import { Extension, type Editor, type Range } from "@tiptap/core";
import { ReactRenderer } from "@tiptap/react";
import { PluginKey } from "@tiptap/pm/state";
import Suggestion, { exitSuggestion, type SuggestionKeyDownProps, type SuggestionProps } from "@tiptap/suggestion";
import { forwardRef, useEffect, useImperativeHandle, useState } from "react";

/** A block a person can start by typing "/" (Notion's and Outline's habit), or by its markdown shortcut. */
type Block = { id: string; label: string; hint: string; apply: (editor: Editor, range: Range) => void };

const blocks: Block[] = [
  {
    id: "text",
    label: "Text",
    hint: "plain paragraph",
    apply: (e, r) => e.chain().focus().deleteRange(r).setParagraph().run(),
  },
  {
    id: "h2",
    label: "Heading",
    hint: "## ",
    apply: (e, r) => e.chain().focus().deleteRange(r).setHeading({ level: 2 }).run(),
  },
  {
    id: "h3",
    label: "Subheading",
    hint: "### ",
    apply: (e, r) => e.chain().focus().deleteRange(r).setHeading({ level: 3 }).run(),
  },
  {
    id: "bullets",
    label: "Bulleted list",
    hint: "- ",
    apply: (e, r) => e.chain().focus().deleteRange(r).toggleBulletList().run(),
  },
  {
    id: "numbers",
    label: "Numbered list",
    hint: "1. ",
    apply: (e, r) => e.chain().focus().deleteRange(r).toggleOrderedList().run(),
  },
  {
    id: "quote",
    label: "Quote",
    hint: "> ",
    apply: (e, r) => e.chain().focus().deleteRange(r).toggleBlockquote().run(),
  },
];

/** The blocks whose name starts a word matching what was typed after "/". */
export function matchingBlocks(query: string): Block[] {
  const q = query.trim().toLowerCase();
  return q
    ? blocks.filter((b) =>
        b.label
          .toLowerCase()
          .split(" ")
          .some((w) => w.startsWith(q)),
      )
    : blocks;
}

type MenuHandle = { onKeyDown: (event: KeyboardEvent) => boolean };
type MenuProps = SuggestionProps<Block, Block> & { listId: string };

/** The list under the caret. The editor keeps focus; the highlighted option is its aria-activedescendant. */
const SlashList = forwardRef<MenuHandle, MenuProps>(function SlashList({ items, command, editor, listId }, ref) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    const dom = editor.view.dom;
    if (items.length) dom.setAttribute("aria-activedescendant", `${listId}-${items[active]?.id}`);
    else dom.removeAttribute("aria-activedescendant");
  }, [active, items, editor, listId]);
  useImperativeHandle(ref, () => ({
    onKeyDown(event) {
      if (!items.length) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        setActive((i) => (i + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        command(items[active]);
        return true;
      }
      return false;
    },
  }));
  if (!items.length) return null;
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Start a block"
      className="w-64 rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
    >
      {items.map((item, i) => (
        <li
          key={item.id}
          id={`${listId}-${item.id}`}
          role="option"
          aria-selected={i === active}
          // mousedown, not click: the editor must keep its focus and selection.
          onMouseDown={(event) => {
            event.preventDefault();
            command(item);
          }}
          className="flex cursor-pointer justify-between px-3 py-1.5 aria-selected:bg-brand-100"
        >
          <span className="font-medium text-slate-900">{item.label}</span>
          <span className="text-slate-600">{item.hint}</span>
        </li>
      ))}
    </ul>
  );
});

let menus = 0;
const slashKey = new PluginKey("slashCommands");

/** Typing "/" opens a menu of blocks; arrows choose, Enter applies, Escape closes. */
export const SlashCommands = Extension.create({
  name: "slashCommands",
  addProseMirrorPlugins() {
    return [
      Suggestion<Block, Block>({
        editor: this.editor,
        pluginKey: slashKey,
        char: "/",
        items: ({ query }) => matchingBlocks(query),
        command: ({ editor, range, props }) => props.apply(editor, range),
        render: () => {
          let renderer: ReactRenderer<MenuHandle, MenuProps> | null = null;
          const listId = `slash-menu-${++menus}`;
          const place = (props: SuggestionProps<Block, Block>) => {
            const rect = props.clientRect?.();
            const el = renderer?.element as HTMLElement | undefined;
            if (!rect || !el) return;
            Object.assign(el.style, {
              position: "absolute",
              zIndex: "50",
              left: `${rect.left + window.scrollX}px`,
              top: `${rect.bottom + window.scrollY + 4}px`,
            });
          };
          const close = (editor: Editor) => {
            for (const name of ["aria-activedescendant", "aria-controls"]) {
              editor.view.dom.removeAttribute(name);
            }
            renderer?.element.remove();
            renderer?.destroy();
            renderer = null;
          };
          return {
            onStart(props) {
              renderer = new ReactRenderer(SlashList, { props: { ...props, listId }, editor: props.editor });
              document.body.appendChild(renderer.element);
              props.editor.view.dom.setAttribute("aria-controls", listId);
              // No aria-expanded: it is not allowed on a textbox (axe aria-allowed-attr); the list is
              // tied to the editor by aria-controls and aria-activedescendant instead.
              place(props);
            },
            onUpdate(props) {
              renderer?.updateProps({ ...props, listId });
              place(props);
            },
            onKeyDown({ event, view }: SuggestionKeyDownProps) {
              if (event.key === "Escape") {
                exitSuggestion(view, slashKey);
                return true;
              }
              return renderer?.ref?.onKeyDown(event) ?? false;
            },
            onExit(props) {
              close(props.editor);
            },
          };
        },
      }),
    ];
  },
});
