import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, GripVertical } from "lucide-react";
import { memo, useState } from "react";
import type * as Y from "yjs";
import { moveItem, removeItem, type PlaylistItem } from "../../../../collab/documents/playlist";
import type { LinkPreview } from "../../link-previews/preview-key";
import { resourceTypeLabels } from "../schema";
import { ItemForm } from "./item-form";
import { LinkPreviewBox, webAddress } from "./link-preview";
import { ProgressControl, type MyProgress } from "./progress-control";
import { TypeIcon } from "./type-icon";

const small =
  "inline-flex min-h-11 items-center gap-1 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";

/** Focuses an element by id once React has drawn the change (the item may have moved). */
export function focusSoon(id: string, fallbackId?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    (el && !el.disabled ? el : fallbackId ? document.getElementById(fallbackId) : el)?.focus();
  });
}

/** The site a resource is on, as people say it ("gov.uk", not "https://www.gov.uk/…"). */
export function sourceOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

export type ItemCardProps = {
  doc: Y.Doc;
  item: PlaylistItem;
  index: number;
  isLast: boolean;
  /** The facilitator's controls (edit, remove, move). */
  canWrite: boolean;
  /** Dragging and Move up/down: a curator, with the whole list shown (not filtered). */
  canReorder: boolean;
  addedBy: string;
  preview: LinkPreview | undefined;
  /** Hosts whose plain-http preview images may be drawn (the server's allow-list). */
  imageHttpHosts: readonly string[];
  /** The leader's own mark on this resource, if any. */
  mine: MyProgress | undefined;
  /** Who the leader may have done it with; null for anyone who does not mark progress. */
  partners: Array<{ id: string; name: string }> | null;
};

/**
 * One resource as a card: type icon, title (the link), source, time, why it matters, the page's own
 * preview, then the facilitator's controls or the leader's progress. Memoised: the list passes the
 * same objects for an unchanged item, so a change elsewhere in a long playlist does not redraw it.
 */
export const ItemCard = memo(function ItemCard(props: ItemCardProps) {
  const { doc, item, index, isLast, canWrite, canReorder, partners } = props;
  const [editing, setEditing] = useState(false);
  const sortable = useSortable({ id: item.id, disabled: !canReorder });
  const titleId = `item-${item.id}-title`;
  const href = webAddress(item.url);
  const source = sourceOf(item.url);
  // At the top or bottom the pressed button is disabled: the keyboard goes to the other one.
  const move = (to: number, buttonId: string, otherId: string) => {
    moveItem(doc, item.id, to);
    focusSoon(buttonId, otherId);
  };
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={`relative rounded-lg border bg-white p-4 shadow-sm ${
        sortable.isDragging ? "z-10 border-brand-700 shadow-lg" : "border-slate-200"
      }`}
      data-item-id={item.id}
    >
      <div className="flex items-start gap-3">
        {canReorder ? (
          <button
            type="button"
            id={`handle-${item.id}`}
            className="-ml-2 inline-flex min-h-11 min-w-11 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 active:cursor-grabbing"
            {...sortable.attributes}
            {...sortable.listeners}
            aria-label={`Reorder: ${item.title}`}
          >
            <GripVertical aria-hidden="true" className="h-5 w-5" />
          </button>
        ) : null}
        <span
          className="mt-0.5 inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-800"
          aria-hidden="true"
        >
          <TypeIcon type={item.type} className="h-5 w-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={titleId} className="text-base font-semibold">
            <span className="sr-only">{index + 1}. </span>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" className="break-words text-brand-700 underline">
                {item.title}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              item.title
            )}
          </h3>
          <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-slate-700">
            <span className="font-medium text-brand-800">{resourceTypeLabels[item.type] ?? item.type}</span>
            <span aria-hidden="true">·</span>
            <span>{item.minutes} min</span>
            {source ? (
              <>
                <span aria-hidden="true">·</span>
                <span className="break-all">{source}</span>
              </>
            ) : null}
          </p>
        </div>
      </div>
      {item.why ? <p className="mt-2 text-slate-800">{item.why}</p> : null}
      <LinkPreviewBox preview={props.preview} httpHosts={props.imageHttpHosts} />
      <p className="mt-2 text-xs text-slate-600">
        {item.suggestionId ? "Suggested by" : "Added by"} {item.addedBy || "a facilitator"}
      </p>
      {canWrite && editing ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <ItemForm
            doc={doc}
            addedBy={props.addedBy}
            item={item}
            onDone={() => {
              setEditing(false);
              focusSoon(`edit-${item.id}`);
            }}
          />
        </div>
      ) : null}
      {canWrite && !editing ? (
        <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-200 pt-3">
          {canReorder ? (
            <>
              <button
                type="button"
                id={`up-${item.id}`}
                className={small}
                aria-describedby={titleId}
                disabled={index === 0}
                onClick={() => move(index - 1, `up-${item.id}`, `down-${item.id}`)}
              >
                <ArrowUp aria-hidden="true" className="h-4 w-4" />
                Move up
              </button>
              <button
                type="button"
                id={`down-${item.id}`}
                className={small}
                aria-describedby={titleId}
                disabled={isLast}
                onClick={() => move(index + 1, `down-${item.id}`, `up-${item.id}`)}
              >
                <ArrowDown aria-hidden="true" className="h-4 w-4" />
                Move down
              </button>
            </>
          ) : null}
          <button
            type="button"
            id={`edit-${item.id}`}
            className={small}
            aria-describedby={titleId}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className={`${small} border-red-700 text-red-800`}
            aria-describedby={titleId}
            onClick={() => {
              removeItem(doc, item.id);
              focusSoon("playlist-heading");
            }}
          >
            Remove
          </button>
        </div>
      ) : null}
      {partners ? <ProgressControl item={item} mine={props.mine} partners={partners} /> : null}
    </li>
  );
});
