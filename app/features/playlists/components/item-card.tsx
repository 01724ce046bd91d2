import { useState } from "react";
import type * as Y from "yjs";
import { moveItem, removeItem } from "../../../../collab/documents/playlist";
import { resourceTypeLabels } from "../schema";
import type { ListedItem } from "../playlist-document";
import { ItemForm } from "./item-form";
import { ProgressControl, type MyProgress } from "./progress-control";

const small =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";

/** Focuses an element by id once React has drawn the change (the item may have moved). */
function focusSoon(id: string, fallbackId?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    (el && !el.disabled ? el : fallbackId ? document.getElementById(fallbackId) : el)?.focus();
  });
}

/** One resource: what it is and why it matters; the facilitator's controls or the leader's own progress. */
export function ItemCard(props: {
  doc: Y.Doc;
  item: ListedItem;
  index: number;
  count: number;
  canWrite: boolean;
  addedBy: string;
  progress?: { mine: MyProgress | undefined; partners: Array<{ id: string; name: string }> };
}) {
  const { doc, item, index, count, canWrite, progress } = props;
  const [editing, setEditing] = useState(false);
  const titleId = `item-${item.id}-title`;
  // At the top or bottom the pressed button is disabled: the keyboard goes to the other one.
  const move = (to: number, buttonId: string, otherId: string) => {
    moveItem(doc, item.id, to);
    focusSoon(buttonId, otherId);
  };
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-item-id={item.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="text-base font-semibold">
          <span className="sr-only">{index + 1}. </span>
          <a href={item.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
            {item.title}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </h3>
        <p className="text-sm text-slate-700">
          <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800">
            {resourceTypeLabels[item.type] ?? item.type}
          </span>{" "}
          · {item.minutes} min
        </p>
      </div>
      {item.why ? <p className="mt-2 text-slate-800">{item.why}</p> : null}
      <p className="mt-1 text-xs text-slate-600">
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
          <button
            type="button"
            id={`up-${item.id}`}
            className={small}
            aria-describedby={titleId}
            disabled={index === 0}
            onClick={() => move(index - 1, `up-${item.id}`, `down-${item.id}`)}
          >
            Move up
          </button>
          <button
            type="button"
            id={`down-${item.id}`}
            className={small}
            aria-describedby={titleId}
            disabled={index === count - 1}
            onClick={() => move(index + 1, `down-${item.id}`, `up-${item.id}`)}
          >
            Move down
          </button>
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
      {progress ? <ProgressControl item={item} mine={progress.mine} partners={progress.partners} /> : null}
    </li>
  );
}
