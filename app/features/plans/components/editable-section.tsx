import { Link, useActionData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { IntentReply } from "./use-intent-result";

type Props = {
  /** The section's key: its anchor, and the value of `?edit=` that opens its form without scripts. */
  id: string;
  title: string;
  /** 2 for a page section, 3 for one area of the self-evaluation. */
  level?: 2 | 3;
  /** Words after the heading (a count, a badge); part of the header, not of the heading. */
  aside?: ReactNode;
  /** Only people who may edit get the button and the form (the server refuses everyone else anyway). */
  canEdit: boolean;
  /** The button's words; "Edit" by default, with the section's title for screen readers. */
  editLabel?: string;
  /** Whether a form reply belongs to this section (its intent, and the item key when forms repeat). */
  owns: (reply: IntentReply) => boolean;
  /** The `?edit=` value of this request (from the loader), so the server renders the form open. */
  editParam: string | null;
  form: ReactNode;
  children: ReactNode;
  className?: string;
};

/** A reply with errors (a reset reply, `{ initialValue: null }`, carries no status and means saved). */
const isError = (reply: IntentReply | undefined) => reply?.result?.status === "error";

/**
 * A section of the plan read first, edited on demand. Without scripts the Edit link opens the form
 * by address (`?edit=<id>`); with them it opens in place. Focus moves into the form when it opens
 * and back to the button when it closes or saves, so keyboard users are never lost. A form that
 * came back with errors is always shown open, with what was typed.
 */
export function EditableSection(props: Props) {
  const { id, title, level = 2, aside, canEdit, editLabel = "Edit", owns, editParam, form, children } = props;
  const reply = useActionData<IntentReply>();
  const { pathname, search } = useLocation();
  const mine = reply ? owns(reply) : false;
  const failed = mine && isError(reply);
  const saved = mine && !failed;
  const [editing, setEditing] = useState((editParam === id && !saved) || failed);
  const moveFocus = useRef(false);
  const lastReply = useRef(reply);
  const button = useRef<HTMLAnchorElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // A new reply for this section: errors keep the form open; a save closes it and returns focus.
  useEffect(() => {
    if (reply === lastReply.current) return;
    lastReply.current = reply;
    if (!reply || !owns(reply)) return;
    moveFocus.current = !isError(reply);
    setEditing(isError(reply));
  }, [reply, owns]);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    const first = (selector: string) => panel.current?.querySelector<HTMLElement>(selector);
    // The first field, not the Cancel link above it: opening a form is for filling it in.
    if (editing) (first("input:not([type=hidden]), select, textarea") ?? first("button"))?.focus();
    else button.current?.focus();
  }, [editing]);

  const toggle = (open: boolean) => (event: MouseEvent) => {
    event.preventDefault();
    moveFocus.current = true;
    setEditing(open);
  };
  const params = new URLSearchParams(search);
  params.delete("edit");
  params.delete("index");
  const closedHref = `${pathname}${params.size ? `?${params}` : ""}#${id}`;
  params.set("edit", id);
  const Heading = level === 2 ? "h2" : "h3";
  const panelId = `${id}-form`;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={props.className ?? "mt-10"}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2 border-b border-slate-200 pb-2">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <Heading id={`${id}-heading`} className={level === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
            {title}
          </Heading>
          {aside}
        </div>
        {canEdit ? (
          <Link
            ref={button}
            to={`${pathname}?${params}#${id}`}
            preventScrollReset
            onClick={toggle(!editing)}
            aria-expanded={editing}
            aria-controls={editing ? panelId : undefined}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2"
          >
            {editing ? "Close" : editLabel}
            {/* "Edit" alone says nothing out of context; a named action ("Add a priority") already does. */}
            {editing || editLabel === "Edit" ? <span className="sr-only"> {title}</span> : null}
          </Link>
        ) : null}
      </div>
      <div className="mt-3">{children}</div>
      {canEdit && editing ? (
        <div
          id={panelId}
          ref={panel}
          className="mt-4 rounded-lg border border-slate-300 bg-slate-50 p-4"
          role="group"
          aria-label={`${editLabel}: ${title}`}
        >
          {/* Above the form, so errors shown on blur never move it from under the pointer. */}
          <p className="mb-3 flex justify-end text-sm">
            <Link to={closedHref} preventScrollReset onClick={toggle(false)} className="text-brand-800 underline">
              Cancel
            </Link>
          </p>
          {form}
        </div>
      ) : null}
    </section>
  );
}
