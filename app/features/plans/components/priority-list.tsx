import { Link } from "@remix-run/react";
import { areaLabel } from "../../../kernel/plan-areas";
import { describeCounts } from "../threads";
import { targetStatusLabels, targetStatusValues, type TargetStatus } from "../target-status";
import type { Terminology } from "../../../kernel/terminology";
import { EmptyState } from "../../../components/ui/empty-state";
import { TargetStatusBadge } from "./target-status-badge";

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
  statuses: Record<TargetStatus, number>;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The plan's priorities as numbered cards: what each is about, where its targets stand, its feedback. */
export function PriorityList({
  schoolId,
  priorities,
  terminology,
  canEdit,
  yearQuery,
}: {
  schoolId: string;
  priorities: PriorityRow[];
  terminology: Terminology;
  canEdit: boolean;
  /** "?year=2025" on a past year's plan, so its priorities open in that year; "" otherwise. */
  yearQuery: string;
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
    <ol className="space-y-4">
      {priorities.map((p, i) => (
        <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
            Priority {i + 1} · {areaLabel(p.area, terminology)}
          </p>
          <h3 className="mt-1 text-lg font-semibold">
            <Link
              to={`/schools/${schoolId}/plan/priorities/${p.id}${yearQuery}`}
              className="text-brand-700 underline decoration-1 underline-offset-2 hover:text-brand-800"
            >
              {p.title}
            </Link>
          </h3>
          {p.rationale ? <p className="mt-1 line-clamp-2 max-w-prose text-sm text-slate-800">{p.rationale}</p> : null}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium text-slate-700">Targets</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {p.targets ? (
                targetStatusValues
                  .filter((s) => p.statuses[s] > 0)
                  .map((s) => (
                    <TargetStatusBadge key={s} status={s}>
                      {p.statuses[s]} {targetStatusLabels[s].toLowerCase()}
                    </TargetStatusBadge>
                  ))
              ) : (
                <span className="text-slate-700">None set yet</span>
              )}
              <span className="sr-only">({plural(p.targets, "target", "targets")} in all)</span>
            </dd>
            <dt className="font-medium text-slate-700">Actions</dt>
            <dd>
              {p.actions ? `${p.actionsDone} of ${plural(p.actions, "action", "actions")} done` : "None planned yet"}
            </dd>
            {p.inquiries ? (
              <>
                <dt className="font-medium text-slate-700">Inquiries</dt>
                <dd>{plural(p.inquiries, "linked inquiry", "linked inquiries")}</dd>
              </>
            ) : null}
            <dt className="font-medium text-slate-700">Comments</dt>
            <dd className={p.openThreads ? "font-semibold text-amber-900" : undefined}>
              {describeCounts({ open: p.openThreads, resolved: p.resolvedThreads })}
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
