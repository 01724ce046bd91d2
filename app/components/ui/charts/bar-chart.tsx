import { scaleBand } from "d3-scale";
import { Axis } from "./axis";
import { ChartSvg, RowLabel } from "./chart-svg";
import { ChartLegend, legendMarks } from "./marks";
import { fontSize, palette } from "./palette";
import { labelledTicks, linear, niceDomain } from "./scales";

/** One kind of bar in every row: its name, colour, value and the words written at its end. */
export type BarSeries<Row> = {
  key: string;
  label: string;
  colour: string;
  value: (row: Row) => number;
  /** Written at the bar's end ("3 of 5", "2 votes"): the figure, so colour is never the only cue. */
  text: (row: Row) => string;
};

export type BarChartProps<Row> = {
  rows: Row[];
  rowKey: (row: Row) => string;
  rowLabel: (row: Row) => string;
  series: BarSeries<Row>[];
  /** The whole the bars are parts of (all the leaders); otherwise the axis ends just past the data. */
  max?: number;
  /** Counts: whole-number ticks only. */
  integers?: boolean;
  suffix?: string;
  testId?: string;
};

const PLOT_L = 214;
const PLOT_R = 580;
const BAR_H = 14;
const GAP = 4;
const BOTTOM = 26;

/**
 * Horizontal bars from zero (a bar's length is its value, so its axis always starts at 0), one row
 * per item and one bar per series, each bar's figure written at its end.
 */
export function BarChart<Row>({
  rows,
  rowKey,
  rowLabel,
  series,
  max,
  integers = true,
  suffix = "",
  testId,
}: BarChartProps<Row>) {
  const values = rows.flatMap((r) => series.map((s) => s.value(r)));
  const domain = niceDomain(values, {
    zero: true,
    include: max === undefined ? [] : [max],
    padding: 0,
    minSpan: integers ? 4 : 1,
  });
  const x = linear(max === undefined ? domain : [0, max], [PLOT_L, PLOT_R]);
  // Room for a two-line name beside a single bar.
  const rowH = Math.max(series.length * (BAR_H + GAP) + 14, 44);
  const band = scaleBand<string>()
    .domain(rows.map(rowKey))
    .range([4, 4 + rows.length * rowH]);
  const height = 4 + rows.length * rowH + BOTTOM;
  const ticks = labelledTicks(max === undefined ? domain : [0, max], { integers, suffix, count: 5 });
  // The whole is labelled at the axis's end ("15"), so a bar reads as part of it.
  if (max !== undefined && ticks.at(-1)?.value !== max) {
    const step = ticks.length > 1 ? ticks[1].value - ticks[0].value : max;
    if (max - ticks.at(-1)!.value <= step / 2) ticks.pop();
    ticks.push({ value: max, label: `${max}${suffix}` });
  }
  return (
    <ChartSvg height={height} testId={testId}>
      <Axis
        orient="bottom"
        ticks={ticks}
        position={x}
        at={height - BOTTOM}
        grid={[4, height - BOTTOM]}
        line={[PLOT_L, PLOT_R]}
      />
      <line x1={PLOT_L} x2={PLOT_L} y1={4} y2={height - BOTTOM} stroke={palette.baseline} />
      {rows.map((row) => {
        const top = band(rowKey(row)) ?? 0;
        const label = rowLabel(row);
        return (
          <g key={rowKey(row)}>
            <RowLabel y={top + rowH / 2 + 4} text={label} lines={2} />
            {series.map((s, i) => {
              const y = top + (rowH - series.length * (BAR_H + GAP) + GAP) / 2 + i * (BAR_H + GAP);
              const end = x(Math.max(0, s.value(row)));
              return (
                <g key={s.key}>
                  <rect x={PLOT_L} y={y} width={Math.max(0, end - PLOT_L)} height={BAR_H} fill={s.colour} />
                  <text x={end + 6} y={y + BAR_H - 3} fontSize={fontSize.small} fill={palette.ink}>
                    {s.text(row)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}

/** The key to a bar chart's series (only worth showing with two or more). */
export function BarLegend<Row>({ series }: { series: BarSeries<Row>[] }) {
  return <ChartLegend entries={series.map((s) => ({ label: s.label, mark: legendMarks.bar(s.colour) }))} />;
}
