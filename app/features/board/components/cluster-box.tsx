import { ChevronDown, Pencil, X } from "lucide-react";
import { useState } from "react";
import { boardRules, deleteCluster, type NoteCluster } from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import { focusSoon } from "../../../components/board/labels";
import { notesAt } from "../board-places";
import { useBoard } from "./board-context";
import { ClusterNameForm } from "./cluster-name-form";
import { PlaceList } from "./place-list";
import { usePreference } from "./use-preference";
import { useBoardChange } from "./use-board-change";

const icon =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded text-slate-700 hover:bg-slate-100 hover:text-slate-900";

/** A named group of notes within a category; each person may fold it away on their own screen. */
export function ClusterBox({ cluster }: { cluster: NoteCluster }) {
  const { doc, notes, by, allowed } = useBoard();
  const [collapsed, setCollapsed] = usePreference<"open" | "folded">(`board-group:${cluster.id}`, "open");
  const [renaming, setRenaming] = useState(false);
  const { error, attempt } = useBoardChange();
  const mine = notesAt(notes, { category: cluster.category, clusterId: cluster.id });
  const folded = collapsed === "folded";
  const headingId = `group-${cluster.id}`;
  const count = `${mine.length} ${mine.length === 1 ? "note" : "notes"}`;
  const canCluster = allowed(boardRules.cluster);
  return (
    <section
      aria-labelledby={headingId}
      className="group/cluster relative mt-2 rounded-md border-2 border-dashed border-slate-300 bg-white/70 p-2"
      data-cluster-id={cluster.id}
    >
      {renaming ? (
        <ClusterNameForm category={cluster.category} cluster={cluster} onDone={() => setRenaming(false)} />
      ) : (
        <div className="flex flex-wrap items-center gap-x-1">
          <h3 id={headingId} className="min-w-[8rem] flex-1 text-sm font-semibold text-slate-900">
            <button
              type="button"
              id={`fold-${cluster.id}`}
              aria-expanded={!folded}
              className="flex min-h-11 w-full items-center gap-1 rounded px-1 text-left hover:bg-slate-100"
              onClick={() => setCollapsed(folded ? "open" : "folded")}
            >
              <ChevronDown
                aria-hidden
                className={`size-4 shrink-0 transition-transform motion-reduce:transition-none ${folded ? "-rotate-90" : ""}`}
              />
              <span className="min-w-0 flex-1 break-words">{cluster.name}</span>
              <span className="ml-auto shrink-0 font-normal text-slate-600" data-testid="group-count">
                {count}
              </span>
            </button>
          </h3>
          {canCluster ? (
            // With a mouse the group's menu lies over its heading when pointed at or focused (no empty row).
            <div className="ml-auto flex rounded-md opacity-0 focus-within:opacity-100 group-hover/cluster:opacity-100 [@media(hover:hover)]:absolute [@media(hover:hover)]:right-1 [@media(hover:hover)]:top-1 [@media(hover:hover)]:bg-white [@media(hover:hover)]:shadow-md [@media(hover:none)]:opacity-100">
              <button
                type="button"
                id={`rename-${cluster.id}`}
                className={icon}
                aria-label={`Rename the group '${cluster.name}'`}
                onClick={() => setRenaming(true)}
              >
                <Pencil aria-hidden className="size-4" />
              </button>
              <button
                type="button"
                className={icon}
                aria-label={`Remove the group '${cluster.name}' (its notes stay)`}
                onClick={() => {
                  attempt(() => deleteCluster(doc, cluster.id, by));
                  focusSoon(`column-${cluster.category}`);
                }}
              >
                <X aria-hidden className="size-4" />
              </button>
            </div>
          ) : null}
        </div>
      )}
      <ErrorList errors={error ? [error] : null} />
      <PlaceList
        place={{ category: cluster.category, clusterId: cluster.id }}
        notes={folded ? [] : mine}
        labelledBy={headingId}
        empty={folded ? `${count} folded away. Drop a note here to add it.` : "Drop notes here to group them."}
      />
    </section>
  );
}
