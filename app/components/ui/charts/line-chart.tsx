import { Axis } from "./axis";
import { ChartSvg, CHART_WIDTH } from "./chart-svg";
import { ChangeText, Marker, ReferenceLine } from "./marks";
import { fontSize, palette } from "./palette";
import {
  formatChange,
  labelledTicks,
  linear,
  niceDomain,
  seriesChange,
  timeDomain,
  type ChangeUnit,
  type Domain,
} from "./scales";

/** A point in time (epoch ms) and its value; null where nothing was recorded (the line breaks there). */
export type LinePoint = { key: string; at: number; value: number | null };

export type LineChartProps = {
  points: LinePoint[];
  /** The labels along the time axis, already written in the authority's locale. */
  xTicks: Array<{ at: number; label: string }>;
  /** The time span shown (a school year); by default the points' span, padded. */
  xDomain?: Domain;
  /** A value as written at the last point ("14", "88%"). */
  format: (value: number) => string;
  /** After each tick's number: "%", "" for counts. */
  suffix?: string;
  changeUnit: ChangeUnit;
  /** Counts: whole-number ticks only. */
  integers?: boolean;
  minSpan?: number;
  bounds?: Domain;
  /** Drawn across as a dotted line and labelled; by default the first recorded value ("Start 12"). */
  baseline?: { value: number; label: string } | null;
  /** Drawn across as a dashed line and labelled ("Target 93%", "All 15 leaders"). */
  target?: { value: number; label: string } | null;
  /** Other values the axis must show (0 for a budget). */
  include?: number[];
  /** A step line (level until the next change), as a running total is. */
  step?: boolean;
  /** Carry the last value on to this instant (today, in a burn-down). */
  until?: number;
  /** Values drawn in red, e.g. below zero; the change label says it in words too. */
  danger?: (value: number) => boolean;
  /** Written at a point with no value ("not taken"). */
  missingLabel?: string;
  height?: number;
  /** Drawing width: narrower for a chart in a half-width card, so its text stays readable. */
  width?: number;
  testId?: string;
};

const LEFT = 52;
const RIGHT = 118;
const TOP = 26;
const BOTTOM = 30;

/**
 * A series over time on a value axis scaled to the data (baseline and target included), its
 * starting value drawn and labelled, the target dashed, and the value and its change written at the
 * last point. Dates on the axis come in already formatted in the authority's locale.
 */
export function LineChart(props: LineChartProps) {
  const { points, xTicks, format, suffix = "", changeUnit, integers = false, height = 220, step = false } = props;
  const values = points.map((p) => p.value);
  const change = seriesChange(values);
  const first = points.find((p) => p.value !== null);
  const baseline =
    props.baseline === undefined
      ? first
        ? { value: first.value!, label: `Start ${format(first.value!)}` }
        : null
      : props.baseline;
  const target = props.target ?? null;
  const domain = niceDomain(values, {
    include: [baseline?.value, target?.value, ...(props.include ?? [])],
    bounds: props.bounds,
    minSpan: props.minSpan,
  });
  const xDomain = props.xDomain ?? timeDomain(points.map((p) => p.at));
  const width = props.width ?? CHART_WIDTH;
  const right = width - RIGHT;
  const bottom = height - BOTTOM;
  const x = linear(xDomain, [LEFT, right]);
  const y = linear(domain, [bottom, TOP]);
  const known = points.filter((p): p is LinePoint & { value: number } => p.value !== null);
  const last = known[known.length - 1];
  const endX = props.until !== undefined && last ? Math.max(x(last.at), x(props.until)) : last ? x(last.at) : LEFT;
  return (
    <ChartSvg height={height} width={width} testId={props.testId}>
      <Axis
        orient="left"
        ticks={labelledTicks(domain, { integers, suffix })}
        position={y}
        at={LEFT}
        grid={[LEFT, right]}
      />
      <Axis
        orient="bottom"
        ticks={xTicks.map((t) => ({ value: t.at, label: t.label }))}
        position={x}
        at={bottom}
        line={[LEFT, right]}
      />
      {baseline ? (
        <ReferenceLine
          kind="baseline"
          orient="horizontal"
          at={y(baseline.value)}
          from={LEFT}
          to={right}
          label={baseline.label}
          labelBelow={last !== undefined && last.value >= baseline.value}
        />
      ) : null}
      {target ? (
        <ReferenceLine
          kind="target"
          orient="horizontal"
          at={y(target.value)}
          from={LEFT}
          to={right}
          label={target.label}
          labelAnchor="end"
          labelAt={right - 4}
        />
      ) : null}
      <path d={linePath(points, x, y, step, props.until)} fill="none" stroke={palette.actual} strokeWidth={2.5} />
      {known.map((p) => (
        <Marker
          key={p.key}
          shape="circle"
          x={x(p.at)}
          y={y(p.value)}
          size={step ? 3.5 : 5}
          colour={props.danger?.(p.value) ? palette.danger : palette.actual}
        />
      ))}
      {props.missingLabel
        ? points
            .filter((p) => p.value === null)
            .map((p) => (
              <text
                key={p.key}
                x={x(p.at)}
                y={bottom - 6}
                textAnchor="middle"
                fontSize={fontSize.small}
                fill={palette.text}
              >
                {props.missingLabel}
              </text>
            ))
        : null}
      {last ? (
        <>
          <text x={endX + 10} y={y(last.value) - 4} fontSize={fontSize.label} fill={palette.ink} data-mark="last-value">
            {format(last.value)}
          </text>
          {change ? (
            <ChangeText x={endX + 10} y={y(last.value) + 14}>
              {formatChange(change.change, changeUnit)}
            </ChangeText>
          ) : null}
        </>
      ) : null}
    </ChartSvg>
  );
}

/** The line through the known points, broken at gaps; a step line holds each value until the next. */
function linePath(
  points: LinePoint[],
  x: (v: number) => number,
  y: (v: number) => number,
  step: boolean,
  until?: number,
): string {
  let d = "";
  let open = false;
  for (const p of points) {
    if (p.value === null) {
      open = false;
      continue;
    }
    if (!open) d += ` M ${x(p.at)} ${y(p.value)}`;
    else d += step ? ` H ${x(p.at)} V ${y(p.value)}` : ` L ${x(p.at)} ${y(p.value)}`;
    open = true;
  }
  const last = [...points].reverse().find((p) => p.value !== null);
  if (until !== undefined && last && x(until) > x(last.at)) d += ` H ${x(until)}`;
  return d.trim();
}
