import { Form, useNavigation } from "@remix-run/react";
import { formatPercent, formatPp, ppChange } from "../../outcomes/outcomes";
import { formatPlanDate, type TargetFigures } from "../../../kernel/plan-areas";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList } from "../../../components/ui/field";
import { CommentThreads, type ThreadView } from "./comment-threads";
import { useIntentResult } from "./use-intent-result";

export type TargetView = TargetFigures & { id: string; threads: ThreadView[] };

/** The priority's SMART targets, each with its latest result and the feedback on it beside. */
export function TargetList({
  targets,
  canEdit,
  canComment,
}: {
  targets: TargetView[];
  canEdit: boolean;
  canComment: boolean;
}) {
  if (!targets.length) {
    return (
      <EmptyState title="No targets yet">
        {canEdit
          ? "Add a measurable target below: what you measure, for which pupils, from what baseline to what, by when."
          : "The school has not set targets for this priority yet."}
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-4">
      {targets.map((t) => (
        <li
          key={t.id}
          id={`target-${t.id}`}
          className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2"
        >
          <div>
            <h3 className="font-semibold">
              {t.measure} <span className="font-normal text-slate-700">· {t.studentGroup}</span>
            </h3>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">Baseline</dt>
              <dd>{formatPercent(t.baseline)}</dd>
              <dt className="font-medium">Target</dt>
              <dd>{formatPercent(t.target)}</dd>
              <dt className="font-medium">Actual</dt>
              <dd>{formatPercent(t.actual)}</dd>
              <dt className="font-medium">Change</dt>
              <dd>{formatPp(ppChange(t))}</dd>
              <dt className="font-medium">By</dt>
              <dd>{formatPlanDate(t.byWhen)}</dd>
            </dl>
            {canEdit ? <ActualForm target={t} /> : null}
          </div>
          <CommentThreads
            subjectKind="target"
            subjectId={t.id}
            itemName={`the target ${t.measure} (${t.studentGroup})`}
            threads={t.threads}
            canComment={canComment}
          />
        </li>
      ))}
    </ul>
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
          Latest result (%)
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
