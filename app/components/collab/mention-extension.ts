import type { Editor, Range } from "@tiptap/core";
import Mention from "@tiptap/extension-mention";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { MENTION_ID_ATTR, MENTION_NODE, mentionIdFromSearch } from "../../../collab/mentions-shape";
import { renderPeopleList, type MentionCandidate } from "./mention-list";

export type { MentionCandidate } from "./mention-list";

/** The people whose name has a word starting with each word typed after "@" ("Be", "ben m"). */
export function matchingPeople(people: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const typed = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return people.filter((p) => {
    const words = p.name.toLowerCase().split(/\s+/);
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}

const suggestionKey = new PluginKey("mentionSuggestion");
const targetKey = new PluginKey("mentionTarget");

/** Inserts a mention of the person with a fresh id (so a link can point at it), then a space. */
function insertMention(editor: Editor, range: Range, person: MentionCandidate) {
  const after = editor.view.state.selection.$to.nodeAfter;
  const to = after?.text?.startsWith(" ") ? range.to + 1 : range.to;
  editor
    .chain()
    .focus()
    .insertContentAt({ from: range.from, to }, [
      {
        type: MENTION_NODE,
        attrs: { id: person.id, label: person.name, [MENTION_ID_ATTR]: globalThis.crypto.randomUUID() },
      },
      { type: "text", text: " " },
    ])
    .run();
}

/** Where the mention the page's `?mention=<id>` points at is, for its highlight. */
function targetDecorations(state: EditorState, target: string): DecorationSet {
  const found: Decoration[] = [];
  state.doc.descendants((node: PmNode, pos: number) => {
    if (node.type.name === MENTION_NODE && node.attrs[MENTION_ID_ATTR] === target)
      found.push(
        Decoration.node(pos, pos + node.nodeSize, {
          class: "ring-2 ring-brand-600 ring-offset-2 bg-brand-100",
          "data-mention-target": "true",
        }),
      );
    return !node.isInline;
  });
  return DecorationSet.create(state.doc, found);
}

/**
 * The page's `?mention=<id>` (the link in a mention's notification): once the shared text has
 * arrived, the mention is highlighted and scrolled into the middle of the screen, once.
 */
function mentionTarget() {
  const target = typeof window === "undefined" ? null : mentionIdFromSearch(window.location.search);
  let scrolled = false;
  return new Plugin({
    key: targetKey,
    props: { decorations: (state) => (target ? targetDecorations(state, target) : null) },
    view: () => ({
      update(view) {
        if (!target || scrolled) return;
        const el = view.dom.querySelector<HTMLElement>("[data-mention-target]");
        if (!el) return;
        scrolled = true;
        el.scrollIntoView({ block: "center" });
      },
    }),
  });
}

/**
 * @mentions: the chip ("@Ben Member", read as text by screen readers) in every shared editor, and,
 * where `people` returns a list (an editable text), typing "@" offers those people. `people` is read
 * on each keystroke, so a new list from the loader needs no new editor.
 */
export function mentionExtension(people: () => readonly MentionCandidate[] | null) {
  return Mention.extend({
    addAttributes() {
      return {
        ...this.parent?.(),
        [MENTION_ID_ATTR]: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute("data-mention-id"),
          renderHTML: (attrs: Record<string, unknown>) =>
            attrs[MENTION_ID_ATTR] ? { "data-mention-id": attrs[MENTION_ID_ATTR] } : {},
        },
      };
    },
    addProseMirrorPlugins() {
      return [...(this.parent?.() ?? []), mentionTarget()];
    },
  }).configure({
    HTMLAttributes: { class: "rounded bg-brand-50 px-1 font-medium text-brand-800 whitespace-nowrap" },
    suggestion: {
      char: "@",
      pluginKey: suggestionKey,
      allowSpaces: true,
      allow: ({ state, range }) =>
        people() !== null &&
        !!state.doc.resolve(range.from).parent.type.contentMatch.matchType(state.schema.nodes[MENTION_NODE]),
      items: ({ query }) => matchingPeople(people() ?? [], query).slice(0, 8),
      command: ({ editor, range, props }) => insertMention(editor, range, props as unknown as MentionCandidate),
      render: renderPeopleList(suggestionKey),
    },
  });
}
