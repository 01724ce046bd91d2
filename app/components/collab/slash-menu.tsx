import { Extension, type Editor, type Range } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import Suggestion from "@tiptap/suggestion";
import { forwardRef } from "react";
import {
  suggestionPopup,
  useSuggestionKeys,
  type SuggestionListHandle,
  type SuggestionListProps,
} from "./suggestion-popup";

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

/** The list under the caret. */
const SlashList = forwardRef<SuggestionListHandle, SuggestionListProps<Block>>(function SlashList(props, ref) {
  const active = useSuggestionKeys(props, ref);
  const { items, command, listId } = props;
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
        render: suggestionPopup(SlashList, slashKey, "slash-menu"),
      }),
    ];
  },
});
