import { BulletMarks, OutcomeLegend, PercentGridlines } from "./outcome-parts";
import { formatPercent, formatPp, MIN_HIDDEN_SCHOOLS_IN_ROLLUP, type RollupRow } from "../outcomes";
import { ChartFrame } from "../../../components/ui/chart-frame";
import type { Column } from "../../../components/ui/data-table";

const WIDTH = 680;
const LABEL = 210;
const PLOT = 360;
const ROW = 60;
const TOP = 24;
const x = (pct: number) => LABEL + (pct / 100) * PLOT;
const schoolsText = (n: number) => `${n} ${n === 1 ? "school" : "schools"}`;

/**
 * A roll-up as a bullet chart: per student group, the mean baseline (grey bar), the mean actual
 * (green bar) and the mean target (a black marker), with the change in percentage points. The
 * picture is hidden from screen readers; the caption and a visually hidden table say the same.
 */
export function RollupChart({ id, title, rows }: { id: string; title: string; rows: RollupRow[] }) {
  const height = TOP + rows.length * ROW + 8;
  return (
    <ChartFrame
      boxed
      id={id}
      title={title}
      legend={<OutcomeLegend suffix=" (mean)" />}
      table={{ caption: `${title}: means by student group`, columns, rows, rowKey: (r) => r.studentGroup }}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="mt-2 w-full"
        aria-hidden="true"
        focusable="false"
        data-testid={`${id}-svg`}
      >
        <PercentGridlines x={x} top={TOP} bottom={height - 8} />
        {rows.map((r, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={r.studentGroup}>
              <text x={0} y={y + 20} className="fill-slate-900 text-[13px] font-medium">
                {r.label}
              </text>
              <text x={0} y={y + 38} className="fill-slate-600 text-[11px]">
                n = {schoolsText(r.schools)}
              </text>
              {r.shown ? (
                <BulletMarks
                  left={LABEL}
                  right={LABEL + PLOT}
                  x={x}
                  y={y + 8}
                  tick={[y + 3, y + 45]}
                  baseline={r.baseline}
                  actual={r.actual}
                  target={r.target}
                  range={`${formatPercent(r.baseline)} → ${formatPercent(r.actual)}`}
                  change={formatPp(r.change)}
                />
              ) : (
                <text x={LABEL + 8} y={y + 28} className="fill-slate-700 text-[12px] italic">
                  Hidden: fewer than {MIN_HIDDEN_SCHOOLS_IN_ROLLUP} other schools, so their figures stay private
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
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
