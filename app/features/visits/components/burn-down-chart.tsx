import { formatNumber, type BurnDownPoint } from "../day-budget";
import { formatCalendarDate, type DateContext } from "../../../kernel/dates";
import { useDateContext } from "../../../components/date-context";
import { ChartFrame } from "../../../components/ui/chart-frame";
import { ChartLegend, legendMarks, LineChart, palette } from "../../../components/ui/charts";
import type { Column } from "../../../components/ui/data-table";

const DAY_MS = 86_400_000;
const days = { one: "day", many: "days", decimals: 1 };

/** The first of each month of the school year ("2026-09-01" … "2027-08-01"); the axis labels every other one. */
function monthStarts(start: string): string[] {
  const first = Number(start.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 8) % 12) + 1;
    return `${first + (i >= 4 ? 1 : 0)}-${String(month).padStart(2, "0")}-01`;
  });
}

/**
 * Days remaining of the budget over the school year as a step line on the shared kit (ADR 014):
 * the budget is the labelled baseline, "budget used up" (zero) the dashed line, the value and its
 * change written at today; points below zero are red and the caption says "over budget" in words.
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
  const ctx = useDateContext();
  const remaining = budget - used;
  const clampedToday = today > end ? end : today < start ? start : today;
  return (
    <ChartFrame
      caption={
        <>
          Days remaining of the {formatNumber(budget)}-day budget over the school year: {formatNumber(used)} of{" "}
          {formatNumber(budget)} days used
          {remaining < 0 ? `, ${formatNumber(-remaining)} over budget.` : `, ${formatNumber(remaining)} left.`}
        </>
      }
      legend={
        <ChartLegend
          entries={[
            { label: "Days remaining", mark: legendMarks.line(palette.actual) },
            { label: "Budget", mark: legendMarks.baselineAcross },
            { label: "Budget used up", mark: legendMarks.targetAcross },
          ]}
        />
      }
      table={{
        caption: "Days remaining after each date time was logged",
        columns: columns(ctx),
        rows: points,
        rowKey: (p) => p.date,
      }}
    >
      <LineChart
        testId="burn-down-chart"
        points={points.map((p) => ({ key: p.date, at: Date.parse(p.date), value: p.remaining }))}
        xDomain={[Date.parse(start), Date.parse(end) + DAY_MS]}
        xTicks={monthStarts(start)
          .filter((_, i) => i % 2 === 0)
          .map((d) => ({ at: Date.parse(d), label: formatCalendarDate(d, "day-month", ctx) }))}
        format={(v) => `${formatNumber(v)} left`}
        changeUnit={days}
        step
        until={Date.parse(clampedToday)}
        minSpan={2}
        // Nothing is left below "used up" unless the budget was overspent: the axis stops there.
        bounds={[Math.min(0, ...points.map((p) => p.remaining)), Number.POSITIVE_INFINITY]}
        width={560}
        baseline={{ value: budget, label: `Budget ${formatNumber(budget)} ${budget === 1 ? "day" : "days"}` }}
        target={{ value: 0, label: "Budget used up" }}
        danger={(v) => v < 0}
        height={230}
      />
    </ChartFrame>
  );
}

function columns(ctx: DateContext): Column<BurnDownPoint>[] {
  return [
    { key: "date", header: "Date", rowHeader: true, cell: (p) => formatCalendarDate(p.date, "date", ctx) },
    { key: "remaining", header: "Days remaining", cell: (p) => formatNumber(p.remaining) },
  ];
}
