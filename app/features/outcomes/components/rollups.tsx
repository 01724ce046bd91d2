import { Form } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { measureLabels, type Measure, type RollupRow } from "../outcomes";
import { RollupChart } from "./rollup-chart";

type RollupsData = {
  /** The measure charted, or null while no school has an actual result. */
  measure: Measure | null;
  withData: Measure[];
  cohortRows: RollupRow[];
  communities: Array<{ id: string; name: string; rows: RollupRow[] }>;
};

/** The cohort's and each community's means for one measure, with the choice of measure. */
export function Rollups({ data, empty }: { data: RollupsData; empty: string }) {
  return (
    <section aria-labelledby="rollups-heading" className="space-y-4">
      <h2 id="rollups-heading" className="text-xl font-semibold">
        Cohort and community roll-ups
      </h2>
      {data.measure === null ? (
        <EmptyState title={empty}>The charts appear here once schools have entered an actual result.</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Means over the schools that have entered an actual result. A group is hidden when showing it could reveal a
            single school&apos;s figures.
          </p>
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="chart-measure" className="block text-sm font-medium text-slate-800">
                Measure to chart
              </label>
              <select
                id="chart-measure"
                name="measure"
                defaultValue={data.measure}
                className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
              >
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
          <RollupChart
            id="cohort-chart"
            title={`Whole cohort: ${measureLabels[data.measure]}`}
            rows={data.cohortRows}
          />
          {data.communities.map((c) =>
            c.rows.length > 0 ? (
              <RollupChart
                key={c.id}
                id={`community-${c.id}`}
                title={`${c.name}: ${measureLabels[data.measure!]}`}
                rows={c.rows}
              />
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
