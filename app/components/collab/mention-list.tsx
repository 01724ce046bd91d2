import type { Editor } from "@tiptap/core";
import type { PluginKey } from "@tiptap/pm/state";
import { ReactRenderer } from "@tiptap/react";
import { exitSuggestion, type SuggestionKeyDownProps, type SuggestionProps } from "@tiptap/suggestion";
import { forwardRef, useEffect, useImperativeHandle, useState } from "react";

/** Someone who may be mentioned: a person who can open the document. */
export type MentionCandidate = { id: string; name: string };

type ListHandle = { onKeyDown: (event: KeyboardEvent) => boolean };
type ListProps = SuggestionProps<MentionCandidate, MentionCandidate> & { listId: string };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");

/**
 * The people under the caret after "@" (the slash menu's pattern: the editor keeps focus and
 * points at the highlighted option with aria-activedescendant; arrows move, Enter or Tab picks).
 */
const PeopleList = forwardRef<ListHandle, ListProps>(function PeopleList({ items, command, editor, listId }, ref) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    const dom = editor.view.dom;
    if (items.length) dom.setAttribute("aria-activedescendant", `${listId}-${items[active]?.id}`);
    else dom.removeAttribute("aria-activedescendant");
    // No aria-expanded: the editor's role (textbox) does not allow it; aria-controls names the list.
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
      aria-label="People to mention"
      className="w-64 max-w-[calc(100vw-1rem)] rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
    >
      {items.map((person, i) => (
        <li
          key={person.id}
          id={`${listId}-${person.id}`}
          role="option"
          aria-selected={i === active}
          // mousedown, not click: the editor must keep its focus and selection.
          onMouseDown={(event) => {
            event.preventDefault();
            command(person);
          }}
          className="flex min-h-11 cursor-pointer items-center gap-2 px-3 py-1.5 aria-selected:bg-brand-100"
        >
          <span
            aria-hidden="true"
            className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-800"
          >
            {initials(person.name)}
          </span>
          <span className="font-medium text-slate-900">{person.name}</span>
        </li>
      ))}
    </ul>
  );
});

let lists = 0;

/** The suggestion's `render`: shows the list under the caret (kept inside a narrow screen), Escape closes it. */
export function renderPeopleList(pluginKey: PluginKey) {
  return () => {
    let renderer: ReactRenderer<ListHandle, ListProps> | null = null;
    const listId = `mention-list-${++lists}`;
    const place = (props: SuggestionProps<MentionCandidate, MentionCandidate>) => {
      const rect = props.clientRect?.();
      const el = renderer?.element as HTMLElement | undefined;
      if (!rect || !el) return;
      const left = Math.max(8, Math.min(rect.left, window.innerWidth - 264));
      Object.assign(el.style, {
        position: "absolute",
        zIndex: "50",
        left: `${left + window.scrollX}px`,
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
      onStart(props: SuggestionProps<MentionCandidate, MentionCandidate>) {
        renderer = new ReactRenderer(PeopleList, { props: { ...props, listId }, editor: props.editor });
        document.body.appendChild(renderer.element);
        props.editor.view.dom.setAttribute("aria-controls", listId);
        place(props);
      },
      onUpdate(props: SuggestionProps<MentionCandidate, MentionCandidate>) {
        renderer?.updateProps({ ...props, listId });
        place(props);
      },
      onKeyDown({ event, view }: SuggestionKeyDownProps) {
        if (event.key === "Escape") {
          exitSuggestion(view, pluginKey);
          return true;
        }
        return renderer?.ref?.onKeyDown(event) ?? false;
      },
      onExit(props: SuggestionProps<MentionCandidate, MentionCandidate>) {
        close(props.editor);
      },
    };
  };
}
