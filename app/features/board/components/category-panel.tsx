import { FolderPlus } from "lucide-react";
import { useState } from "react";
import { boardRules, type BoardCategory } from "../../../../collab/documents/root-cause-board";
import { boardCategoryLabels } from "../../../kernel/board-categories";
import { useBoard } from "./board-context";
import { ClusterBox } from "./cluster-box";
import { ClusterNameForm } from "./cluster-name-form";
import { PlaceList } from "./place-list";

/**
 * One category: its heading and count, its named groups, then its notes in no group. `tone` is the
 * panel's look: a column of the categories board, or a bone of the fishbone.
 */
export function CategoryPanel({
  category,
  tone = "column",
  exclude,
}: {
  category: BoardCategory;
  tone?: "column" | "bone";
  /** Notes shown elsewhere (the five whys chain). */
  exclude?: Set<string>;
}) {
  const { notes, clusters, allowed } = useBoard();
  const [naming, setNaming] = useState(false);
  const mine = notes.filter((n) => n.category === category && !exclude?.has(n.id));
  const headingId = `column-${category}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`flex min-w-0 flex-col rounded-lg p-3 ${tone === "column" ? "bg-slate-100" : "bg-white/90 shadow-sm ring-1 ring-slate-300"}`}
      data-category={category}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} tabIndex={-1} className="text-base font-semibold text-slate-900">
          {boardCategoryLabels[category]} <span className="font-normal text-slate-600">({mine.length})</span>
        </h2>
        {allowed(boardRules.cluster) && !naming ? (
          <button
            type="button"
            id={`add-group-${category}`}
            onClick={() => setNaming(true)}
            aria-label={`New group in ${boardCategoryLabels[category]}`}
            className="inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded px-2 text-sm font-medium text-slate-700 hover:bg-white hover:text-slate-900"
          >
            <FolderPlus aria-hidden className="size-4" />
            <span aria-hidden className="hidden 2xl:inline">
              Group
            </span>
          </button>
        ) : null}
      </div>
      {naming ? <ClusterNameForm category={category} onDone={() => setNaming(false)} /> : null}
      {clusters
        .filter((c) => c.category === category)
        .map((cluster) => (
          <ClusterBox key={cluster.id} cluster={cluster} />
        ))}
      <PlaceList
        place={{ category, clusterId: null }}
        notes={mine.filter((n) => n.clusterId === null)}
        labelledBy={headingId}
        empty={mine.length === 0 ? "No notes yet." : "Drop a note here to take it out of its group."}
      />
    </section>
  );
}
