import { Form, useNavigation } from "@remix-run/react";
import { actionStatusLabels, actionStatusValues, type ActionStatus } from "../../../kernel/plan-areas";
import { FormattedDate } from "../../../components/date-context";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ActionForm } from "./action-form";
import { CommentThreads, type ThreadView } from "./comment-threads";

export type ActionView = {
  id: string;
  description: string;
  owner: string;
  due: string;
  status: ActionStatus;
  /** Past its due date and not done (worked out by the loader, on the authority's today). */
  overdue: boolean;
  threads: ThreadView[];
};

const statusTone: Record<ActionStatus, string> = {
  not_started: "bg-slate-100 text-slate-900",
  in_progress: "bg-sky-100 text-sky-900",
  done: "bg-emerald-100 text-emerald-900",
  blocked: "bg-red-100 text-red-900",
};

/** The priority's actions as a table: what, who owns it, when it is due, where it stands. */
export function ActionTable({ actions, canEdit }: { actions: ActionView[]; canEdit: boolean }) {
  return (
    <DataTable
      caption="Actions: owner, due date and status"
      testId="actions-table"
      rows={actions}
      rowKey={(a) => a.id}
      empty={
        <EmptyState title="No actions yet">
          {canEdit
            ? "Use Edit to add the first action: what will be done, who owns it and when it is due."
            : "The school has not planned actions for this priority yet."}
        </EmptyState>
      }
      columns={[
        {
          key: "action",
          header: "Action",
          rowHeader: true,
          cell: (a) => <span id={`action-${a.id}`}>{a.description}</span>,
        },
        { key: "owner", header: "Owner", cell: (a) => a.owner },
        {
          key: "due",
          header: "Due",
          className: "whitespace-nowrap",
          cell: (a) => (
            <>
              <FormattedDate value={a.due} style="short-date" />
              {a.overdue ? <span className="block text-xs font-semibold text-red-800">Overdue</span> : null}
            </>
          ),
        },
        {
          key: "status",
          header: "Status",
          cell: (a) => (
            <span
              className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${statusTone[a.status]}`}
            >
              {actionStatusLabels[a.status]}
            </span>
          ),
        },
      ]}
    />
  );
}

/** The feedback on each action, each folded behind its count, under the table. */
export function ActionComments({ actions, canComment }: { actions: ActionView[]; canComment: boolean }) {
  if (!actions.length) return null;
  return (
    <ul className="mt-4 space-y-2" aria-label="Comments on each action">
      {actions.map((a) => (
        <li key={a.id}>
          <CommentThreads
            subjectKind="action"
            subjectId={a.id}
            itemName={`the action ${a.description}`}
            visibleName={a.description}
            threads={a.threads}
            canComment={canComment}
          />
        </li>
      ))}
    </ul>
  );
}

/** The actions section's form: each action's status, then a new action. */
export function ActionEditor({ actions }: { actions: ActionView[] }) {
  const navigation = useNavigation();
  return (
    <div className="space-y-6">
      {actions.length ? (
        <div>
          <h3 className="font-semibold">Update where each action stands</h3>
          <ul className="mt-2 space-y-3">
            {actions.map((a) => (
              <li key={a.id}>
                <Form method="post" preventScrollReset className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="set-status" />
                  <input type="hidden" name="actionId" value={a.id} />
                  <div>
                    <label htmlFor={`status-${a.id}`} className="block text-sm font-medium text-slate-800">
                      Status: {a.description}
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
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">Add an action</h3>
        <div className="mt-3">
          <ActionForm />
        </div>
      </div>
    </div>
  );
}
