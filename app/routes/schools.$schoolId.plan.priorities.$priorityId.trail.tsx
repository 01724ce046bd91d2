import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { CategoryChart, OutcomeChart } from "../features/plans/components/trail-charts";
import { EmptyState } from "../components/ui/empty-state";
import { loadEvidenceTrail } from "../features/plans/evidence-trail.server";
import { measureLabels, studentGroupLabels } from "../features/outcomes/outcomes";
import { actionStatusLabels } from "../kernel/plan-areas";
import { FormattedDate } from "../components/date-context";
import { requirePlanAccess, requirePriority } from "../features/plans/guard.server";
import { DataTable } from "../components/ui/data-table";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const { priority } = await requirePriority(context, access, params.priorityId);
  const trail = await loadEvidenceTrail(context.services.db, access.scope.schoolId, priority.id);
  const label = (map: Record<string, string>, key: string) => map[key] ?? key;
  return json({
    ...trail,
    outcomeBars: [
      ...trail.targets.map((t) => ({ key: `t-${t.id}`, label: `${t.measure} · ${t.studentGroup}`, ...t })),
      ...trail.outcomes.map((o) => ({
        key: `o-${o.id}`,
        label: `Cohort: ${label(measureLabels, o.measure)} · ${label(studentGroupLabels, o.studentGroup)}`,
        ...o,
      })),
    ],
  });
}

export default function EvidenceTrail() {
  const { inquiries, actions, outcomeBars } = useLoaderData<typeof loader>();
  return (
    <ol className="space-y-8 py-6">
      <Stage n={1} title="Linked inquiries, their root causes and question">
        {inquiries.length ? (
          <ul className="space-y-4">
            {inquiries.map((i) => (
              <li key={i.communityId} className="space-y-3">
                <p className="text-sm">
                  <Link to={`/communities/${i.communityId}`} className="font-semibold text-brand-700 underline">
                    {i.name}
                  </Link>{" "}
                  <span className="text-slate-700">· {i.cohortName}</span>
                </p>
                {i.categories.some((c) => c.notes > 0) ? (
                  <CategoryChart
                    id={`causes-${i.communityId}`}
                    title={`Root causes in the ${i.name} inquiry, by category`}
                    rows={i.categories}
                  />
                ) : (
                  <p className="text-sm text-slate-700">The group has not written root causes yet.</p>
                )}
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium">Most voted category</dt>
                  <dd>{i.topCategory ?? "—"}</dd>
                  <dt className="font-medium">Inquiry question</dt>
                  <dd>{i.question ?? "Not chosen yet"}</dd>
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No inquiry linked to this priority">
            A school leader links their community&apos;s inquiry from its “Link to my plan” step.
          </EmptyState>
        )}
      </Stage>
      <Stage n={2} title={`Actions (${actions.length})`}>
        <DataTable
          variant="flat"
          caption="Actions towards this priority"
          empty={<EmptyState title="No actions yet">Add actions on the “Targets and actions” view.</EmptyState>}
          rows={actions}
          rowKey={(a) => a.id}
          columns={[
            { key: "action", header: "Action", cell: (a) => a.description },
            { key: "owner", header: "Owner", cell: (a) => a.owner },
            { key: "due", header: "Due", cell: (a) => <FormattedDate value={a.due} style="short-date" /> },
            { key: "status", header: "Status", cell: (a) => actionStatusLabels[a.status] },
          ]}
        />
      </Stage>
      <Stage n={3} title="Outcomes">
        {outcomeBars.length ? (
          <OutcomeChart
            id="outcomes-chart"
            title="Baseline, target and actual for each measure (percentage points of change)"
            rows={outcomeBars}
          />
        ) : (
          <EmptyState title="No targets or outcomes yet">
            Add a target with its baseline; results appear here as they are recorded.
          </EmptyState>
        )}
      </Stage>
    </ol>
  );
}

function Stage({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`stage-${n}`} className="text-lg font-semibold">
        <span
          className="mr-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm text-white"
          aria-hidden="true"
        >
          {n}
        </span>
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </li>
  );
}

export const meta: MetaFunction = () => [{ title: "Evidence trail · Improvement plan · Commons" }];
