import type { ReactNode } from "react";
import { listCohortCommunities } from "../../db/queries/communities";
import { isUniqueViolation } from "../../db/errors";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import {
  cohortRollups,
  communityRollups,
  deleteOutcome,
  findOutcome,
  getOutcome,
  listSchoolOutcomes,
  saveOutcome,
} from "../../db/queries/outcomes";
import { CohortHeader } from "../components/cohort-nav";
import { OutcomeForm } from "../components/outcomes/outcome-form";
import { RollupChart } from "../components/outcomes/rollup-chart";
import { SchoolOutcomesTable } from "../components/outcomes/school-outcomes-table";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { forbidden, notFound } from "../utils/http.server";
import { measureLabels, measures, OutcomeSchema, cohortGroupsToHide, rollupRows, studentGroupLabels, type Measure } from "../utils/outcomes";
import { requireCohortOutcomes } from "../utils/outcomes.server";
import { canEditOutcomes } from "../utils/permissions";

const EMPTY = "No outcomes yet — school leaders enter them at the end of the year";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { cohort, isFacilitator, visible, editable } = await requireCohortOutcomes(context, request, params.cohortId);
  const { db } = context.services;
  const seen = isFacilitator ? ("all" as const) : visible.map((s) => s.id);
  const [rows, cohortRoll, communities] = await Promise.all([
    listSchoolOutcomes(db, cohort.id, visible.map((s) => s.id)),
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
    rowsHeading: visible.every((s) => editable.some((e) => e.id === s.id)) ? "Your school's results" : "Results by school",
    measure,
    withData,
    // A facilitator sees every school anyway; anyone else gets complementary suppression.
    cohortRows: measure ? rollupRows(cohortRoll, measure, isFacilitator ? new Set() : cohortGroupsToHide(cohortRoll, byCommunity, measure)) : [],
    communities: communities.map((c) => ({ ...c, rows: measure ? rollupRows(byCommunity.filter((r) => r.communityId === c.id), measure) : [] })),
  });
}

const DeleteSchema = z.object({ id: z.string().uuid() });

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, cohort } = await requireCohortOutcomes(context, request, params.cohortId);
  const { db } = context.services;
  const formData = await request.formData();
  const mayEdit = (schoolId: string) => canEditOutcomes(actor, scope, schoolId);
  const refuse = () => forbidden("You can enter outcomes only for the school you lead.");
  if (formData.get("intent") === "delete") {
    const parsed = DeleteSchema.safeParse({ id: formData.get("id") });
    const row = parsed.success ? await getOutcome(db, cohort.id, parsed.data.id) : null;
    if (!row) notFound();
    if (!mayEdit(row.schoolId)) refuse();
    await deleteOutcome(db, cohort.id, row.id);
    return redirect(`/cohorts/${cohort.id}/outcomes`);
  }
  const submission = parseWithZod(formData, { schema: OutcomeSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const value = submission.value;
  if (!mayEdit(value.schoolId)) refuse();
  if (value.id) {
    const existing = await getOutcome(db, cohort.id, value.id);
    if (!existing) notFound();
    if (!mayEdit(existing.schoolId)) refuse();
  }
  const what = `${measureLabels[value.measure]} for ${studentGroupLabels[value.studentGroup]}`;
  const alreadyEntered = () =>
    json(submission.reply({ fieldErrors: { measure: [`${what} is already entered for this school: change that row instead.`] } }), { status: 400 });
  const clash = await findOutcome(db, { cohortId: cohort.id, schoolId: value.schoolId, studentGroup: value.studentGroup, measure: value.measure });
  if (clash && clash.id !== value.id) return alreadyEntered();
  try {
    await saveOutcome(db, { ...value, actual: value.actual ?? null, cohortId: cohort.id, enteredBy: actor.userId });
  } catch (error) {
    // Someone saved the same figure a moment ago (the unique index caught it).
    if (isUniqueViolation(error)) return alreadyEntered();
    throw error;
  }
  context.services.logger.info("outcome saved", { cohortId: cohort.id, schoolId: value.schoolId, by: actor.userId });
  return redirect(`/cohorts/${cohort.id}/outcomes?saved=1&measure=${value.measure}`);
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
          At the end of the year each school records, per student group, where a measure started (baseline), what it aimed for (target)
          and where it ended (actual). Changes are in percentage points (pp).
        </p>
        {search.get("saved") ? (
          <p role="status" className="mt-3 rounded bg-brand-50 p-2 text-sm text-brand-800">
            Outcome saved.
          </p>
        ) : null}
      </div>
      {data.editable.length > 0 ? (
        <Card title={data.editing ? "Change an outcome" : "Enter your school's outcomes"} id="enter-heading">
          <OutcomeForm key={formKey} schools={data.editable} editing={data.editing} lastResult={lastResult} cancelTo={base} />
        </Card>
      ) : null}
      {/* Someone who enters nothing here (a facilitator, a SIP) came for the picture: charts first. */}
      {rollupsFirst ? <Rollups data={data} /> : null}
      {data.canSeeRows ? (
        <section aria-labelledby="rows-heading">
          <h2 id="rows-heading" className="text-xl font-semibold">
            {data.rowsHeading}
          </h2>
          {data.rows.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={EMPTY}>{data.editable.length > 0 ? "Use the form above to add your first one." : null}</EmptyState>
            </div>
          ) : (
            <LongTable count={data.rows.length}>
              <SchoolOutcomesTable rows={data.rows} editableSchoolIds={data.editable.map((s) => s.id)} editHref={(id) => `${base}?edit=${id}#enter-heading`} />
            </LongTable>
          )}
        </section>
      ) : null}
      {rollupsFirst ? null : <Rollups data={data} />}
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

function Rollups({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  return (
    <section aria-labelledby="rollups-heading" className="space-y-4">
      <h2 id="rollups-heading" className="text-xl font-semibold">
        Cohort and community roll-ups
      </h2>
      {data.measure === null ? (
        <EmptyState title={EMPTY}>The charts appear here once schools have entered an actual result.</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Means over the schools that have entered an actual result. A group is hidden when showing it could reveal a single school&apos;s
            figures.
          </p>
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="chart-measure" className="block text-sm font-medium text-slate-800">
                Measure to chart
              </label>
              <select id="chart-measure" name="measure" defaultValue={data.measure} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2">
                {data.withData.map((m) => (
                  <option key={m} value={m}>
                    {measureLabels[m]}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </Form>
          <RollupChart id="cohort-chart" title={`Whole cohort: ${measureLabels[data.measure]}`} rows={data.cohortRows} />
          {data.communities.map((c) =>
            c.rows.length > 0 ? (
              <RollupChart key={c.id} id={`community-${c.id}`} title={`${c.name}: ${measureLabels[data.measure!]}`} rows={c.rows} />
            ) : (
              <p key={c.id} className="text-sm text-slate-700">
                {c.name}: no results for this measure yet.
              </p>
            ),
          )}
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Outcomes · ${data?.cohort.name ?? "Cohort"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
