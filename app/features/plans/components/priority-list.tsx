import { Link } from "@remix-run/react";
import { areaLabel } from "../../../kernel/plan-areas";
import { describeCounts } from "../threads";
import type { Terminology } from "../../../kernel/terminology";
import { EmptyState } from "../../../components/ui/empty-state";

export type PriorityRow = {
  id: string;
  title: string;
  area: string;
  rationale: string;
  targets: number;
  actions: number;
  actionsDone: number;
  inquiries: number;
  openThreads: number;
  resolvedThreads: number;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The plan's priorities, each with its size and its open feedback at a glance. */
export function PriorityList({
  schoolId,
  priorities,
  terminology,
  canEdit,
}: {
  schoolId: string;
  priorities: PriorityRow[];
  terminology: Terminology;
  canEdit: boolean;
}) {
  if (!priorities.length) {
    return (
      <EmptyState title={canEdit ? "No priorities yet — add the first one" : "No priorities yet"}>
        {canEdit
          ? "Name what the school most needs to improve, then give it measurable targets and actions."
          : "The school's leaders have not added priorities to this year's plan yet."}
      </EmptyState>
    );
  }
  return (
    <ol className="space-y-3">
      {priorities.map((p, i) => (
        <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold">
            <Link to={`/schools/${schoolId}/plan/priorities/${p.id}`} className="text-brand-700 underline">
              Priority {i + 1}: {p.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-700">{areaLabel(p.area, terminology)}</p>
          {p.rationale ? <p className="mt-1 line-clamp-2 text-sm text-slate-800">{p.rationale}</p> : null}
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
            <span>{plural(p.targets, "target", "targets")}</span>
            <span>
              {plural(p.actions, "action", "actions")} ({p.actionsDone} done)
            </span>
            <span>{plural(p.inquiries, "linked inquiry", "linked inquiries")}</span>
            <span className={p.openThreads ? "font-semibold text-amber-900" : undefined}>
              Comments: {describeCounts({ open: p.openThreads, resolved: p.resolvedThreads })}
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
