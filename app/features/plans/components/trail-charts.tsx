import { formatPercent, formatPp } from "../../outcomes/outcomes";
import type { ReactNode } from "react";
import { ChartFrame, type ChartTable } from "../../../components/ui/chart-frame";
import type { Column } from "../../../components/ui/data-table";
import { BarChart, BarLegend, ChangeChart, ChangeLegend, palette, type BarSeries } from "../../../components/ui/charts";

export type OutcomeBar = {
  key: string;
  label: string;
  baseline: number;
  target: number;
  actual: number | null;
  change: number | null;
};
export type CategoryBar = { category: string; label: string; notes: number; votes: number };

/**
 * Baseline → actual per measure on the shared change chart (ADR 014): an axis scaled to the
 * figures, the baseline labelled, the target a dashed line labelled "Target 93%", the change in
 * percentage points at the end. The picture is hidden from screen readers; the table says the same.
 */
export function OutcomeChart({ id, title, rows }: { id: string; title: string; rows: OutcomeBar[] }) {
  return (
    <TrailChart
      id={id}
      title={title}
      legend={<ChangeLegend />}
      table={{ columns: outcomeColumns, rows, rowKey: (r) => r.key }}
    >
      <ChangeChart
        rows={rows.map((r) => ({
          key: r.key,
          label: r.label,
          baseline: r.baseline,
          target: r.target,
          actual: r.actual,
        }))}
      />
    </TrailChart>
  );
}

const categorySeries: BarSeries<CategoryBar>[] = [
  { key: "notes", label: "Notes", colour: palette.second, value: (r) => r.notes, text: (r) => plural(r.notes, "note") },
  {
    key: "votes",
    label: "Dot votes",
    colour: palette.actual,
    value: (r) => r.votes,
    text: (r) => plural(r.votes, "vote"),
  },
];

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

/** Root-cause notes and dot votes per category as paired bars from zero, with the same figures in a hidden table. */
export function CategoryChart({ id, title, rows }: { id: string; title: string; rows: CategoryBar[] }) {
  return (
    <TrailChart
      id={id}
      title={title}
      legend={<BarLegend series={categorySeries} />}
      table={{ columns: categoryColumns, rows, rowKey: (r) => r.category }}
    >
      <BarChart rows={rows} rowKey={(r) => r.category} rowLabel={(r) => r.label} series={categorySeries} />
    </TrailChart>
  );
}

type TrailChartProps<Row> = {
  id: string;
  title: string;
  legend: ReactNode;
  /** The figures as a table, captioned with the chart's title. */
  table: Omit<ChartTable<Row>, "caption">;
  children: ReactNode;
};

/** A trail chart's boxed frame (named by its title) around its picture. */
function TrailChart<Row>({ id, title, legend, table, children }: TrailChartProps<Row>) {
  return (
    <ChartFrame boxed id={id} testId={id} title={title} legend={legend} table={{ caption: title, ...table }}>
      {children}
    </ChartFrame>
  );
}

const outcomeColumns: Column<OutcomeBar>[] = [
  { key: "measure", header: "Measure", rowHeader: true, cell: (r) => r.label },
  { key: "baseline", header: "Baseline", cell: (r) => formatPercent(r.baseline) },
  { key: "target", header: "Target", cell: (r) => formatPercent(r.target) },
  { key: "actual", header: "Actual", cell: (r) => formatPercent(r.actual) },
  { key: "change", header: "Change", cell: (r) => formatPp(r.change) },
];

const categoryColumns: Column<CategoryBar>[] = [
  { key: "category", header: "Category", rowHeader: true, cell: (r) => r.label },
  { key: "notes", header: "Notes", cell: (r) => r.notes },
  { key: "votes", header: "Dot votes", cell: (r) => r.votes },
];
