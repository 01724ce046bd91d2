import { Form, useNavigation } from "@remix-run/react";
import { actionStatusLabels, actionStatusValues, formatPlanDate, type ActionStatus } from "../../../kernel/plan-areas";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { CommentThreads, type ThreadView } from "./comment-threads";

export type ActionView = {
  id: string;
  description: string;
  owner: string;
  due: string;
  status: ActionStatus;
  threads: ThreadView[];
};

const statusTone: Record<ActionStatus, string> = {
  not_started: "bg-slate-100 text-slate-900",
  in_progress: "bg-sky-100 text-sky-900",
  done: "bg-emerald-100 text-emerald-900",
  blocked: "bg-red-100 text-red-900",
};

/** The priority's actions: who, by when, where each stands, and the feedback on it beside. */
export function ActionList({
  actions,
  canEdit,
  canComment,
}: {
  actions: ActionView[];
  canEdit: boolean;
  canComment: boolean;
}) {
  const navigation = useNavigation();
  if (!actions.length) {
    return (
      <EmptyState title="No actions yet">
        {canEdit
          ? "Add the first action below: what will be done, who owns it and when it is due."
          : "The school has not planned actions for this priority yet."}
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-4">
      {actions.map((a) => (
        <li
          key={a.id}
          id={`action-${a.id}`}
          className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2"
        >
          <div>
            <h3 className="font-semibold">{a.description}</h3>
            <p className="mt-1 text-sm text-slate-700">
              {a.owner} · due {formatPlanDate(a.due)} ·{" "}
              <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusTone[a.status]}`}>
                {actionStatusLabels[a.status]}
              </span>
            </p>
            {canEdit ? (
              <Form method="post" preventScrollReset className="mt-3 flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="set-status" />
                <input type="hidden" name="actionId" value={a.id} />
                <div>
                  <label htmlFor={`status-${a.id}`} className="block text-sm font-medium text-slate-800">
                    Status
                  </label>
                  <select
                    id={`status-${a.id}`}
                    name="status"
                    defaultValue={a.status}
                    className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1"
                  >
                    {actionStatusValues.map((s) => (
                      <option key={s} value={s}>
                        {actionStatusLabels[s]}
                      </option>
                    ))}
                  </select>
                </div>
                <Button
                  type="submit"
                  variant="secondary"
                  className="px-3 py-1"
                  pending={navigation.formData?.get("actionId") === a.id}
                >
                  Update status
                </Button>
              </Form>
            ) : null}
          </div>
          <CommentThreads
            subjectKind="action"
            subjectId={a.id}
            itemName={`the action ${a.description}`}
            threads={a.threads}
            canComment={canComment}
          />
        </li>
      ))}
    </ul>
  );
}
