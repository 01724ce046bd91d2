import { Form, useNavigation } from "@remix-run/react";
import { formatPercent, formatPp, ppChange } from "../../outcomes/outcomes";
import type { TargetFigures } from "../../../kernel/plan-areas";
import { targetStatusRule, type TargetStatus } from "../target-status";
import { FormattedDate } from "../../../components/date-context";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList } from "../../../components/ui/field";
import { CommentThreads, type ThreadView } from "./comment-threads";
import { TargetForm } from "./target-form";
import { TargetStatusBadge } from "./target-status-badge";
import { useIntentResult } from "./use-intent-result";

export type TargetView = TargetFigures & { id: string; status: TargetStatus; threads: ThreadView[] };

const targetName = (t: TargetView) => `${t.measure} · ${t.studentGroup}`;

/** The priority's SMART targets as a table: from what, to what, by when, the latest result and where it stands. */
export function TargetTable({ targets, canEdit }: { targets: TargetView[]; canEdit: boolean }) {
  return (
    <>
      <DataTable
        caption="SMART targets: baseline, target, latest result and status"
        testId="targets-table"
        rows={targets}
        rowKey={(t) => t.id}
        empty={
          <EmptyState title="No targets yet">
            {canEdit
              ? "Use Edit to add a measurable target: what you measure, for which pupils, from what baseline to what, by when."
              : "The school has not set targets for this priority yet."}
          </EmptyState>
        }
        columns={[
          {
            key: "measure",
            header: "Measure",
            rowHeader: true,
            cell: (t) => (
              <span id={`target-${t.id}`}>
                {t.measure} <span className="block font-normal text-slate-700">{t.studentGroup}</span>
              </span>
            ),
          },
          { key: "baseline", header: "Baseline", numeric: true, cell: (t) => formatPercent(t.baseline) },
          { key: "target", header: "Target", numeric: true, cell: (t) => formatPercent(t.target) },
          { key: "actual", header: "Latest result", numeric: true, cell: (t) => formatPercent(t.actual) },
          { key: "change", header: "Change", numeric: true, cell: (t) => formatPp(ppChange(t)) },
          {
            key: "by",
            header: "By",
            className: "whitespace-nowrap",
            cell: (t) => <FormattedDate value={t.byWhen} style="short-date" />,
          },
          { key: "status", header: "Status", cell: (t) => <TargetStatusBadge status={t.status} /> },
        ]}
      />
      {targets.length ? <p className="mt-2 text-xs text-slate-600">{targetStatusRule}</p> : null}
    </>
  );
}

/** The feedback on each target, each folded behind its count, under the table. */
export function TargetComments({ targets, canComment }: { targets: TargetView[]; canComment: boolean }) {
  if (!targets.length) return null;
  return (
    <ul className="mt-4 space-y-2" aria-label="Comments on each target">
      {targets.map((t) => (
        <li key={t.id}>
          <CommentThreads
            subjectKind="target"
            subjectId={t.id}
            itemName={`the target ${t.measure} (${t.studentGroup})`}
            visibleName={targetName(t)}
            threads={t.threads}
            canComment={canComment}
          />
        </li>
      ))}
    </ul>
  );
}

/** The targets section's form: each target's latest result, then a new target. */
export function TargetEditor({ targets }: { targets: TargetView[] }) {
  return (
    <div className="space-y-6">
      {targets.length ? (
        <div>
          <h3 className="font-semibold">Record the latest results</h3>
          <ul className="mt-2 space-y-3">
            {targets.map((t) => (
              <li key={t.id}>
                <ActualForm target={t} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">Add a target</h3>
        <div className="mt-3">
          <TargetForm />
        </div>
      </div>
    </div>
  );
}

function ActualForm({ target }: { target: TargetView }) {
  const result = useIntentResult("set-actual", target.id);
  const navigation = useNavigation();
  const errors = result?.error?.actual ?? result?.error?.[""] ?? undefined;
  const id = `actual-${target.id}`;
  const kept = result?.initialValue?.actual;
  return (
    <Form method="post" preventScrollReset className="mt-3 flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="set-actual" />
      <input type="hidden" name="targetId" value={target.id} />
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Latest result (%): {targetName(target)}
        </label>
        <input
          id={id}
          name="actual"
          type="number"
          min={0}
          max={100}
          step={0.1}
          defaultValue={typeof kept === "string" ? kept : (target.actual ?? "")}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-error` : undefined}
          className="mt-1 w-28 rounded-md border border-slate-400 px-2 py-1"
        />
      </div>
      <Button
        type="submit"
        variant="secondary"
        className="px-3 py-1"
        pending={navigation.formData?.get("targetId") === target.id}
      >
        Save result
      </Button>
      <div className="basis-full">
        <ErrorList id={`${id}-error`} errors={errors} />
      </div>
    </Form>
  );
}
