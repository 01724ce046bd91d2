import { Axis } from "./axis";
import { ChartSvg, RowLabel } from "./chart-svg";
import { ChangeText, ChartLegend, legendMarks, Marker, ReferenceLine } from "./marks";
import { fontSize, palette } from "./palette";
import {
  formatChange,
  formatPercentLabel,
  labelledTicks,
  linear,
  niceDomain,
  PERCENT_BOUNDS,
  type ChangeUnit,
  type Domain,
} from "./scales";

/** One row: a measure or group from its baseline to its actual, against its target; or a note instead. */
export type ChangeRow = {
  key: string;
  label: string;
  /** A second, smaller line under the label ("4 schools"). */
  detail?: string;
} & (
  | { baseline: number; target: number | null; actual: number | null; note?: undefined }
  | { note: string; baseline?: undefined; target?: undefined; actual?: undefined }
);

export type ChangeChartProps = {
  rows: ChangeRow[];
  /** How values are written on the marks ("Target 93%"); short percentages by default. */
  format?: (value: number) => string;
  /** How values are written in the figures at the end ("88.0% → 89.5%"), to the stored precision. */
  exact?: (value: number) => string;
  /** Percentage points by default. */
  changeUnit?: ChangeUnit;
  /** Tick suffix and bounds: "%" and 0–100 by default. */
  suffix?: string;
  bounds?: Domain;
  /** Words for a row without an actual yet. */
  noResult?: string;
  testId?: string;
};

const PLOT_L = 218;
const PLOT_R = 548;
const TEXT_X = 566;
const TOP = 28;
const ROW = 72;

/**
 * Baseline → actual for each row on one axis scaled to the data (baselines, targets and actuals),
 * so a 1.5 pp rise shows as a visible step, not a hair's breadth on 0–100 %. The baseline is a
 * hollow square labelled with its value, the actual a filled circle, the band between them the
 * change; each row's target is a dashed line labelled "Target 93%", and the change is written in
 * bold at the end ("+1.5 pp"). A row may carry a note instead (a hidden roll-up).
 */
export function ChangeChart({
  rows,
  format = (v) => formatPercentLabel(v),
  exact = (v) => `${v.toFixed(1)}%`,
  changeUnit = "pp",
  suffix = "%",
  bounds = PERCENT_BOUNDS,
  noResult = "No result yet",
  testId,
}: ChangeChartProps) {
  const values = rows.flatMap((r) => (r.note === undefined ? [r.baseline, r.target, r.actual] : []));
  const domain = niceDomain(values, { bounds });
  const x = linear(domain, [PLOT_L, PLOT_R]);
  const height = TOP + rows.length * ROW + 4;
  return (
    <ChartSvg height={height} testId={testId}>
      <Axis orient="top" ticks={labelledTicks(domain, { suffix })} position={x} at={TOP - 4} grid={[TOP, height - 4]} />
      {rows.map((r, i) => {
        const top = TOP + i * ROW;
        const cy = top + 38;
        return (
          <g key={r.key} data-row={r.key}>
            <RowLabel y={cy + 4} text={r.label} detail={r.detail} />
            {r.note !== undefined ? (
              <text x={PLOT_L + 8} y={cy + 4} fontSize={fontSize.small} fontStyle="italic" fill={palette.text}>
                {r.note}
              </text>
            ) : (
              <RowMarks
                top={top}
                cy={cy}
                x={x}
                baseline={r.baseline}
                target={r.target}
                actual={r.actual}
                format={format}
                exact={exact}
                change={r.actual === null ? noResult : formatChange(r.actual - r.baseline, changeUnit)}
              />
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}

type RowMarksProps = {
  top: number;
  cy: number;
  x: (v: number) => number;
  baseline: number;
  target: number | null;
  actual: number | null;
  format: (v: number) => string;
  exact: (v: number) => string;
  change: string;
};

/** Where a label centred on `at` must be anchored to stay inside the plot. */
function anchorWithin(at: number, text: string): "start" | "middle" | "end" {
  const half = text.length * 3.4;
  if (at - half < PLOT_L - 10) return "start";
  if (at + half > PLOT_R + 10) return "end";
  return "middle";
}

function RowMarks({ top, cy, x, baseline, target, actual, format, exact, change }: RowMarksProps) {
  const bx = x(baseline);
  const baselineLabel = `Baseline ${format(baseline)}`;
  const targetLabel = target === null ? "" : `Target ${format(target)}`;
  return (
    <>
      {target !== null ? (
        <ReferenceLine
          kind="target"
          orient="vertical"
          at={x(target)}
          from={top + 20}
          to={cy + 12}
          label={targetLabel}
          labelAnchor={anchorWithin(x(target), targetLabel)}
        />
      ) : null}
      {actual !== null ? (
        <rect
          x={Math.min(bx, x(actual))}
          y={cy - 4}
          width={Math.max(1, Math.abs(x(actual) - bx))}
          height={8}
          fill={actual < baseline ? palette.fall : palette.rise}
          fillOpacity={0.35}
          data-mark="change-band"
        />
      ) : null}
      <Marker shape="square" x={bx} y={cy} size={5.5} colour={palette.baseline} hollow />
      <text
        x={bx}
        y={cy + 24}
        textAnchor={anchorWithin(bx, baselineLabel)}
        fontSize={fontSize.small}
        fill={palette.text}
        data-mark="baseline-label"
      >
        {baselineLabel}
      </text>
      {actual !== null ? <Marker shape="circle" x={x(actual)} y={cy} size={6.5} colour={palette.actual} /> : null}
      <ChangeText x={TEXT_X} y={cy}>
        {change}
      </ChangeText>
      <text x={TEXT_X} y={cy + 17} fontSize={fontSize.small} fill={palette.text}>
        {actual === null ? `from ${exact(baseline)}` : `${exact(baseline)} → ${exact(actual)}`}
      </text>
    </>
  );
}

/** The key to a change chart's marks. */
export function ChangeLegend({ suffix = "" }: { suffix?: string }) {
  return (
    <ChartLegend
      entries={[
        { label: `Baseline${suffix}`, mark: legendMarks.baseline },
        { label: `Actual${suffix}`, mark: legendMarks.actual },
        { label: `Target${suffix}`, mark: legendMarks.target },
      ]}
    />
  );
}
