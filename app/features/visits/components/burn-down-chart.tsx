import { formatNumber, type BurnDownPoint } from "../day-budget";
import { formatCalendarDate } from "../../../kernel/dates";
import { ChartFrame } from "../../../components/ui/chart-frame";
import type { Column } from "../../../components/ui/data-table";

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 30;
const DAY_MS = 86_400_000;

const months = ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"];

/**
 * Days remaining of the budget over the school year, as an SVG step line, with the same figures
 * in a table for screen readers (the SVG is hidden from them). Below zero is drawn in red.
 */
export function BurnDownChart(props: {
  budget: number;
  used: number;
  points: BurnDownPoint[];
  start: string;
  end: string;
  today: string;
}) {
  const { budget, used, points, start, end, today } = props;
  const t0 = Date.parse(start);
  const span = Date.parse(end) + DAY_MS - t0;
  const low = Math.min(0, ...points.map((p) => p.remaining));
  const high = Math.max(budget, 0.5);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (date: string) => LEFT + ((Date.parse(date) - t0) / span) * plotW;
  const y = (days: number) => TOP + ((high - days) / (high - low)) * plotH;
  const lastX = x(today > end ? end : today < start ? start : today);
  // A step line: level until the date time was logged, then straight down.
  let path = "";
  points.forEach((p, i) => {
    const px = x(p.date);
    path += i === 0 ? `M ${px} ${y(p.remaining)}` : ` H ${px} V ${y(p.remaining)}`;
  });
  path += ` H ${Math.max(lastX, x(points[points.length - 1].date))}`;
  const ticks = [...new Set([low, 0, high / 2, high].map((v) => Math.round(v * 2) / 2))];
  const remaining = budget - used;
  return (
    <ChartFrame
      caption={
        <>
          Days remaining of the {formatNumber(budget)}-day budget over the school year: {formatNumber(used)} of{" "}
          {formatNumber(budget)} days used
          {remaining < 0 ? `, ${formatNumber(-remaining)} over budget.` : `, ${formatNumber(remaining)} left.`}
        </>
      }
      table={{
        caption: "Days remaining after each date time was logged",
        columns,
        rows: points,
        rowKey: (p) => p.date,
      }}
    >
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-2xl" aria-hidden="true" focusable="false">
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(t)}
              y2={y(t)}
              className={t === 0 ? "stroke-slate-500" : "stroke-slate-200"}
            />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const first = Number(start.slice(0, 4)) + (i >= 4 ? 1 : 0);
          const date = `${first}-${String(((i + 8) % 12) + 1).padStart(2, "0")}-01`;
          return (
            <text key={m} x={x(date) + 4} y={HEIGHT - 10} className="fill-slate-700 text-[11px]">
              {m}
            </text>
          );
        })}
        <path
          d={path}
          fill="none"
          strokeWidth={2.5}
          className={remaining < 0 ? "stroke-red-700" : "stroke-brand-700"}
        />
      </svg>
    </ChartFrame>
  );
}

const columns: Column<BurnDownPoint>[] = [
  { key: "date", header: "Date", rowHeader: true, cell: (p) => formatCalendarDate(p.date, "date") },
  { key: "remaining", header: "Days remaining", cell: (p) => formatNumber(p.remaining) },
];
