import type { Editor } from "@tiptap/core";
import type { PluginKey } from "@tiptap/pm/state";
import { ReactRenderer } from "@tiptap/react";
import { exitSuggestion, type SuggestionKeyDownProps, type SuggestionProps } from "@tiptap/suggestion";
import { useEffect, useImperativeHandle, useState, type ComponentType, type ForwardedRef } from "react";

/**
 * A list under the caret for a Tiptap suggestion ("/" blocks, "@" people). The editor keeps focus:
 * the highlighted option is its aria-activedescendant and aria-controls names the list (no
 * aria-expanded: a textbox may not have it). Arrows move, Enter or Tab picks, Escape closes.
 */
export type SuggestionListHandle = { onKeyDown: (event: KeyboardEvent) => boolean };
export type SuggestionListProps<T> = SuggestionProps<T, T> & { listId: string };

/** The list's keyboard and the editor's aria-activedescendant; returns the highlighted index. */
export function useSuggestionKeys<T extends { id: string }>(
  { items, command, editor, listId }: SuggestionListProps<T>,
  ref: ForwardedRef<SuggestionListHandle>,
): number {
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
  return active;
}

let lists = 0;
/** The lists are `w-64`: 256 px, and 8 px kept from the edge of a narrow screen. */
const LIST_WIDTH = 264;

/** The suggestion's `render`: mounts `List` under the caret (kept inside the screen), Escape closes it. */
export function suggestionPopup<T>(
  List: ComponentType<SuggestionListProps<T>>,
  pluginKey: PluginKey,
  idPrefix: string,
) {
  return () => {
    let renderer: ReactRenderer<SuggestionListHandle, SuggestionListProps<T>> | null = null;
    const listId = `${idPrefix}-${++lists}`;
    const place = (props: SuggestionProps<T, T>) => {
      const rect = props.clientRect?.();
      const el = renderer?.element as HTMLElement | undefined;
      if (!rect || !el) return;
      const left = Math.max(8, Math.min(rect.left, window.innerWidth - LIST_WIDTH));
      Object.assign(el.style, {
        position: "absolute",
        zIndex: "50",
        left: `${left + window.scrollX}px`,
        top: `${rect.bottom + window.scrollY + 4}px`,
      });
    };
    const close = (editor: Editor) => {
      for (const name of ["aria-activedescendant", "aria-controls"]) editor.view.dom.removeAttribute(name);
      renderer?.element.remove();
      renderer?.destroy();
      renderer = null;
    };
    return {
      onStart(props: SuggestionProps<T, T>) {
        renderer = new ReactRenderer(List, { props: { ...props, listId }, editor: props.editor });
        document.body.appendChild(renderer.element);
        props.editor.view.dom.setAttribute("aria-controls", listId);
        place(props);
      },
      onUpdate(props: SuggestionProps<T, T>) {
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
      onExit(props: SuggestionProps<T, T>) {
        close(props.editor);
      },
    };
  };
}
