import { BulletMarks, OutcomeLegend, PercentGridlines } from "../../outcomes/components/outcome-parts";
import { formatPercent, formatPp } from "../../outcomes/outcomes";
import type { ReactNode } from "react";
import { ChartFrame, type ChartTable } from "../../../components/ui/chart-frame";
import type { Column } from "../../../components/ui/data-table";

export type OutcomeBar = {
  key: string;
  label: string;
  baseline: number;
  target: number;
  actual: number | null;
  change: number | null;
};
export type CategoryBar = { category: string; label: string; notes: number; votes: number };

const WIDTH = 680;
const LABEL = 230;
const PLOT = 330;

/**
 * Baseline → target → actual per measure as a bullet chart: baseline grey, actual green, the
 * target a black marker, the change in percentage points at the end. The picture is hidden from
 * screen readers; the caption and a visually hidden table carry the same figures.
 */
export function OutcomeChart({ id, title, rows }: { id: string; title: string; rows: OutcomeBar[] }) {
  const x = (pct: number) => LABEL + (pct / 100) * PLOT;
  const ROW = 56;
  const TOP = 24;
  const height = TOP + rows.length * ROW + 8;
  return (
    <TrailChart
      id={id}
      title={title}
      height={height}
      legend={<OutcomeLegend />}
      table={{ columns: outcomeColumns, rows, rowKey: (r) => r.key }}
    >
      <PercentGridlines x={x} top={TOP} bottom={height - 8} />
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        return (
          <g key={r.key}>
            <text x={0} y={y + 24} className="fill-slate-900 text-[12px] font-medium">
              {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
            </text>
            <BulletMarks
              left={LABEL}
              right={LABEL + PLOT}
              x={x}
              y={y + 6}
              tick={[y + 2, y + 42]}
              baseline={r.baseline}
              actual={r.actual}
              target={r.target}
              range={`${formatPercent(r.baseline)} → ${formatPercent(r.target)}`}
              change={r.actual === null ? "no result yet" : formatPp(r.change)}
            />
          </g>
        );
      })}
    </TrailChart>
  );
}

/** Root-cause notes and dot votes per category as paired bars, with the same figures in a hidden table. */
export function CategoryChart({ id, title, rows }: { id: string; title: string; rows: CategoryBar[] }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.notes, r.votes)));
  const LEFT = 170;
  const SPAN = 420;
  const ROW = 40;
  const height = rows.length * ROW + 8;
  const w = (n: number) => (n / max) * SPAN;
  return (
    <TrailChart
      id={id}
      title={title}
      height={height}
      legend={<CategoryLegend />}
      table={{ columns: categoryColumns, rows, rowKey: (r) => r.category }}
    >
      {rows.map((r, i) => {
        const y = i * ROW + 4;
        return (
          <g key={r.category}>
            <text x={0} y={y + 20} className="fill-slate-900 text-[13px]">
              {r.label}
            </text>
            <rect x={LEFT} y={y + 2} width={w(r.notes)} height={14} className="fill-amber-400" />
            <rect x={LEFT} y={y + 18} width={w(r.votes)} height={14} className="fill-brand-700" />
            <text x={LEFT + w(r.notes) + 6} y={y + 14} className="fill-slate-700 text-[11px]">
              {r.notes}
            </text>
            <text x={LEFT + w(r.votes) + 6} y={y + 30} className="fill-slate-700 text-[11px]">
              {r.votes}
            </text>
          </g>
        );
      })}
    </TrailChart>
  );
}

type TrailChartProps<Row> = {
  id: string;
  title: string;
  height: number;
  legend: ReactNode;
  /** The figures as a table, captioned with the chart's title. */
  table: Omit<ChartTable<Row>, "caption">;
  children: ReactNode;
};

/** A trail chart's boxed frame (named by its title) around its picture, hidden from screen readers. */
function TrailChart<Row>({ id, title, height, legend, table, children }: TrailChartProps<Row>) {
  return (
    <ChartFrame boxed id={id} testId={id} title={title} legend={legend} table={{ caption: title, ...table }}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="mt-2 w-full" aria-hidden="true" focusable="false">
        {children}
      </svg>
    </ChartFrame>
  );
}

function CategoryLegend() {
  return (
    <ul className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
      <li className="flex items-center gap-1">
        <span className="inline-block h-3 w-5 bg-amber-400" /> Notes
      </li>
      <li className="flex items-center gap-1">
        <span className="inline-block h-3 w-5 bg-brand-700" /> Dot votes
      </li>
    </ul>
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
