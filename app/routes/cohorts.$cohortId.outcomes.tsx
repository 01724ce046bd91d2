import type { ReactNode } from "react";
import { listCohortCommunities } from "../../db/queries/communities";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { cohortRollups, communityRollups, listSchoolOutcomes } from "../../db/queries/outcomes";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { OutcomeForm } from "../features/outcomes/components/outcome-form";
import { Rollups } from "../features/outcomes/components/rollups";
import { SchoolOutcomesTable } from "../features/outcomes/components/school-outcomes-table";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { forbidden, notFound } from "../utils/http.server";
import { measures, cohortGroupsToHide, rollupRows, type Measure } from "../features/outcomes/outcomes";
import { DeleteOutcomeSchema, OutcomeSchema } from "../features/outcomes/schema";
import { recordOutcome, removeOutcome } from "../features/outcomes/service.server";
import { requireCohortOutcomes } from "../features/outcomes/guard.server";

const EMPTY = "No outcomes yet — school leaders enter them at the end of the year";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { cohort, isFacilitator, visible, editable } = await requireCohortOutcomes(context, request, params.cohortId);
  const { db } = context.services;
  const seen = isFacilitator ? ("all" as const) : visible.map((s) => s.id);
  const [rows, cohortRoll, communities] = await Promise.all([
    listSchoolOutcomes(
      db,
      cohort.id,
      visible.map((s) => s.id),
    ),
    cohortRollups(db, cohort.id, seen),
    listCohortCommunities(db, cohort.id),
  ]);
  const url = new URL(request.url);
  const withData = measures.filter((m) => cohortRoll.some((r) => r.measure === m));
  const asked = url.searchParams.get("measure") as Measure | null;
  const measure = asked && withData.includes(asked) ? asked : (withData[0] ?? null);
  const byCommunity = measure ? await communityRollups(db, cohort.id, measure, seen) : [];
  const editId = url.searchParams.get("edit");
  const editing = rows.find((r) => r.id === editId && editable.some((s) => s.id === r.schoolId)) ?? null;
  return json({
    cohort,
    rows,
    editing,
    editable: editable.map((s) => ({ id: s.id, name: s.name })),
    canSeeRows: visible.length > 0,
    rowsHeading: visible.every((s) => editable.some((e) => e.id === s.id))
      ? "Your school's results"
      : "Results by school",
    measure,
    withData,
    // A facilitator sees every school anyway; anyone else gets complementary suppression.
    cohortRows: measure
      ? rollupRows(
          cohortRoll,
          measure,
          isFacilitator ? new Set() : cohortGroupsToHide(cohortRoll, byCommunity, measure),
        )
      : [],
    communities: communities.map((c) => ({
      ...c,
      rows: measure
        ? rollupRows(
            byCommunity.filter((r) => r.communityId === c.id),
            measure,
          )
        : [],
    })),
  });
}

// A refusal from the service becomes the page's 403 or 404.
function refuse(result: { reason: "forbidden"; message: string } | { reason: "not-found" }): never {
  if (result.reason === "forbidden") forbidden(result.message);
  notFound();
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, cohort } = await requireCohortOutcomes(context, request, params.cohortId);
  const formData = await request.formData();
  const target = { id: cohort.id, scope };
  if (formData.get("intent") === "delete") {
    const parsed = DeleteOutcomeSchema.safeParse({ id: formData.get("id") });
    if (!parsed.success) notFound();
    const removed = await removeOutcome(context.services, actor, target, parsed.data.id);
    if (!removed.ok) refuse(removed);
    return redirect(`/cohorts/${cohort.id}/outcomes`);
  }
  const submission = parseWithZod(formData, { schema: OutcomeSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const saved = await recordOutcome(context.services, actor, target, submission.value);
  if (!saved.ok)
    return saved.reason === "invalid"
      ? json(submission.reply({ fieldErrors: saved.fieldErrors }), { status: 400 })
      : refuse(saved);
  return redirect(`/cohorts/${cohort.id}/outcomes?saved=1&measure=${submission.value.measure}`);
}

export default function OutcomesPage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [search] = useSearchParams();
  // A saved outcome redirects here: a new location gives a fresh, empty form.
  const { key: formKey } = useLocation();
  const base = `/cohorts/${data.cohort.id}/outcomes`;
  const rollupsFirst = data.editable.length === 0;
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <div>
        <CohortHeader cohort={data.cohort} title="outcomes" />
        <p className="mt-3 max-w-3xl text-slate-700">
          At the end of the year each school records, per student group, where a measure started (baseline), what it
          aimed for (target) and where it ended (actual). Changes are in percentage points (pp).
        </p>
        {search.get("saved") ? (
          <p role="status" className="mt-3 rounded bg-brand-50 p-2 text-sm text-brand-800">
            Outcome saved.
          </p>
        ) : null}
      </div>
      {data.editable.length > 0 ? (
        <Card title={data.editing ? "Change an outcome" : "Enter your school's outcomes"} id="enter-heading">
          <OutcomeForm
            key={formKey}
            schools={data.editable}
            editing={data.editing}
            lastResult={lastResult}
            cancelTo={base}
          />
        </Card>
      ) : null}
      {/* Someone who enters nothing here (a facilitator, a SIP) came for the picture: charts first. */}
      {rollupsFirst ? <Rollups data={data} empty={EMPTY} /> : null}
      {data.canSeeRows ? (
        <section aria-labelledby="rows-heading">
          <h2 id="rows-heading" className="text-xl font-semibold">
            {data.rowsHeading}
          </h2>
          {data.rows.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={EMPTY}>
                {data.editable.length > 0 ? "Use the form above to add your first one." : null}
              </EmptyState>
            </div>
          ) : (
            <LongTable count={data.rows.length}>
              <SchoolOutcomesTable
                rows={data.rows}
                editableSchoolIds={data.editable.map((s) => s.id)}
                editHref={(id) => `${base}?edit=${id}#enter-heading`}
              />
            </LongTable>
          )}
        </section>
      ) : null}
      {rollupsFirst ? null : <Rollups data={data} empty={EMPTY} />}
    </main>
  );
}

/** A long table stays one click away rather than pushing everything else down the page. */
function LongTable({ count, children }: { count: number; children: ReactNode }) {
  if (count <= 20) return <>{children}</>;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-semibold text-brand-700 underline">Show all {count} results</summary>
      {children}
    </details>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Outcomes · ${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
