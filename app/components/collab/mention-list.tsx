import type { PluginKey } from "@tiptap/pm/state";
import { forwardRef } from "react";
import {
  suggestionPopup,
  useSuggestionKeys,
  type SuggestionListHandle,
  type SuggestionListProps,
} from "./suggestion-popup";

/** Someone who may be mentioned: a person who can open the document. */
export type MentionCandidate = { id: string; name: string };

type ListProps = SuggestionListProps<MentionCandidate>;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");

/** The people under the caret after "@". */
const PeopleList = forwardRef<SuggestionListHandle, ListProps>(function PeopleList(props, ref) {
  const active = useSuggestionKeys(props, ref);
  const { items, command, listId } = props;
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

/** The suggestion's `render` for "@": the people list under the caret. */
export const renderPeopleList = (pluginKey: PluginKey) => suggestionPopup(PeopleList, pluginKey, "mention-list");
