import { formatPercent, formatPp, MIN_HIDDEN_SCHOOLS_IN_ROLLUP, type RollupRow } from "../outcomes";
import { ChartFrame } from "../../../components/ui/chart-frame";
import { ChangeChart, ChangeLegend, type ChangeRow } from "../../../components/ui/charts";
import type { Column } from "../../../components/ui/data-table";

const schoolsText = (n: number) => `${n} ${n === 1 ? "school" : "schools"}`;

/**
 * A roll-up on the shared change chart (ADR 014): per student group, the mean baseline → mean
 * actual on an axis scaled to the figures, the mean target dashed, the change in percentage points.
 * A hidden group says why instead. The picture is hidden from screen readers; the table says the same.
 */
export function RollupChart({ id, title, rows }: { id: string; title: string; rows: RollupRow[] }) {
  return (
    <ChartFrame
      boxed
      id={id}
      title={title}
      legend={<ChangeLegend suffix=" (mean)" />}
      table={{ caption: `${title}: means by student group`, columns, rows, rowKey: (r) => r.studentGroup }}
    >
      <ChangeChart testId={`${id}-svg`} rows={rows.map(chartRow)} />
    </ChartFrame>
  );
}

function chartRow(r: RollupRow): ChangeRow {
  const base = { key: r.studentGroup, label: r.label, detail: schoolsText(r.schools) };
  if (!r.shown)
    return {
      ...base,
      note: `Hidden: fewer than ${MIN_HIDDEN_SCHOOLS_IN_ROLLUP} other schools, so their figures stay private`,
    };
  return { ...base, baseline: r.baseline, target: r.target, actual: r.actual };
}

type ShownRow = Extract<RollupRow, { shown: true }>;

/** A figure of a shown row; a hidden row's figures give way to one cell (spanning them all) saying why. */
const figure = (key: string, header: string, value: (r: ShownRow) => string): Column<RollupRow> => ({
  key,
  header,
  cell: (r) => (r.shown ? value(r) : "Hidden to keep each school's figures private"),
});

const columns: Column<RollupRow>[] = [
  { key: "group", header: "Student group", rowHeader: true, cell: (r) => r.label },
  { key: "schools", header: "Schools", cell: (r) => schoolsText(r.schools) },
  { ...figure("baseline", "Baseline", (r) => formatPercent(r.baseline)), span: (r) => (r.shown ? 1 : 5) },
  figure("target", "Target", (r) => formatPercent(r.target)),
  figure("actual", "Actual", (r) => formatPercent(r.actual)),
  figure("change", "Change", (r) => formatPp(r.change)),
  figure("against", "Against target", (r) => formatPp(r.againstTarget)),
];
