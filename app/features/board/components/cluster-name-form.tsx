import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  addCluster,
  renameCluster,
  type BoardCategory,
  type NoteCluster,
} from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import { focusSoon, small } from "../../../components/board/labels";
import { boardCategoryLabels } from "../../../kernel/board-categories";
import { useBoard } from "./board-context";
import { useBoardChange } from "./use-board-change";

/** Names a new group in a category, or renames one; Escape or Cancel gives up. */
export function ClusterNameForm({
  category,
  cluster,
  onDone,
}: {
  category: BoardCategory;
  cluster?: NoteCluster;
  onDone: () => void;
}) {
  const { doc, by } = useBoard();
  const [name, setName] = useState(cluster?.name ?? "");
  const { error, attempt } = useBoardChange();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const id = cluster ? `group-name-${cluster.id}` : `new-group-${category}`;
  const back = cluster ? `rename-${cluster.id}` : `add-group-${category}`;
  const finish = () => {
    onDone();
    focusSoon(back);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    let saved = false;
    attempt(() => {
      if (cluster) renameCluster(doc, cluster.id, name, by);
      else addCluster(doc, { name, category }, by);
      saved = true;
    });
    if (saved) finish();
  };
  return (
    <form onSubmit={save} noValidate className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {cluster ? "New name for the group" : `Name of a new group in ${boardCategoryLabels[category]}`}
      </label>
      <input
        id={id}
        ref={ref}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") finish();
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block min-h-11 w-full rounded border border-slate-400 bg-white px-2 text-slate-900"
      />
      <ErrorList id={`${id}-error`} errors={error ? [error] : null} />
      <div className="mt-2 flex gap-1">
        <button type="submit" className={small}>
          {cluster ? "Rename" : "Add group"}
        </button>
        <button type="button" className={small} onClick={finish}>
          Cancel
        </button>
      </div>
    </form>
  );
}
