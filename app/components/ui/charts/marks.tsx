import type { ReactNode } from "react";
import { fontSize, palette } from "./palette";

export type MarkerShape = "circle" | "square" | "diamond" | "triangle";

/**
 * A point's marker. Shapes tell series apart without colour: the baseline is a hollow square, the
 * actual (latest) value a filled circle; survey rounds are circle, square and diamond.
 */
export function Marker({
  shape,
  x,
  y,
  size = 6,
  colour,
  hollow = false,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  size?: number;
  colour: string;
  hollow?: boolean;
}) {
  const paint = hollow
    ? { fill: "#ffffff", stroke: colour, strokeWidth: 2 }
    : { fill: colour, stroke: "#ffffff", strokeWidth: 1 };
  if (shape === "circle") return <circle cx={x} cy={y} r={size} {...paint} />;
  if (shape === "square") return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...paint} />;
  const s = size + 1.5;
  const d =
    shape === "diamond"
      ? `M ${x} ${y - s} L ${x + s} ${y} L ${x} ${y + s} L ${x - s} ${y} Z`
      : `M ${x} ${y - s} L ${x + s} ${y + s * 0.8} L ${x - s} ${y + s * 0.8} Z`;
  return <path d={d} {...paint} />;
}

type ReferenceLineProps = {
  /** Vertical lines cross rows (a value axis across); horizontal ones cross a time axis. */
  orient: "vertical" | "horizontal";
  /** Where the line stands: an x for vertical, a y for horizontal. */
  at: number;
  /** Its extent in the other direction. */
  from: number;
  to: number;
  /** "Target 93%", "Baseline 88%": written at the line's start (top, or left end). */
  label?: string;
  /** Which side of the line the label sits (vertical lines: the label is centred above). */
  labelAnchor?: "start" | "middle" | "end";
  /** Where the label starts along the line (default: its start). */
  labelAt?: number;
  /** A horizontal line's label goes under it (to keep clear of a series rising from it). */
  labelBelow?: boolean;
  kind: "target" | "baseline";
  testId?: string;
};

/** A target (dashed, dark) or baseline (dotted, grey) line, with its label. */
export function ReferenceLine({
  orient,
  at,
  from,
  to,
  label,
  labelAnchor,
  labelAt,
  labelBelow,
  kind,
  testId,
}: ReferenceLineProps) {
  const look =
    kind === "target"
      ? { stroke: palette.ink, strokeDasharray: "6 4", strokeWidth: 2 }
      : { stroke: palette.baseline, strokeDasharray: "2 3", strokeWidth: 1.5 };
  const vertical = orient === "vertical";
  return (
    <g data-testid={testId} data-mark={kind}>
      {vertical ? (
        <line x1={at} x2={at} y1={from} y2={to} {...look} />
      ) : (
        <line x1={from} x2={to} y1={at} y2={at} {...look} />
      )}
      {label ? (
        <text
          x={vertical ? at : (labelAt ?? from + 4)}
          y={vertical ? from - 4 : labelBelow ? at + 15 : at - 5}
          textAnchor={labelAnchor ?? (vertical ? "middle" : "start")}
          fontSize={fontSize.small}
          fontWeight={kind === "target" ? 600 : 400}
          fill={kind === "target" ? palette.ink : palette.text}
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** The change since the baseline, in bold at the last point: "+1.5 pp". */
export function ChangeText({
  x,
  y,
  children,
  anchor = "start",
}: {
  x: number;
  y: number;
  children: ReactNode;
  anchor?: "start" | "middle" | "end";
}) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fontSize={fontSize.change}
      fontWeight={700}
      fill={palette.ink}
      data-mark="change"
    >
      {children}
    </text>
  );
}

/** One entry of a chart's key: a small drawing of the mark and its name. */
export type LegendEntry = { label: string; mark: ReactNode };

/** The key above a chart, in HTML so it wraps; hidden from screen readers (the table names everything). */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
      {entries.map((e) => (
        <li key={e.label} className="flex items-center gap-1">
          <svg width="22" height="14" viewBox="0 0 22 14" focusable="false">
            {e.mark}
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}

/** Ready-made key entries for the marks every chart shares. */
export const legendMarks = {
  // A path, not a rect: the key's square is a drawing of the mark, not a mark of the chart.
  baseline: <path d="M 6.5 2.5 h 9 v 9 h -9 Z" fill="#ffffff" stroke={palette.baseline} strokeWidth={2} />,
  actual: <Marker shape="circle" x={11} y={7} size={5} colour={palette.actual} />,
  target: <line x1={11} x2={11} y1={0} y2={14} stroke={palette.ink} strokeWidth={2} strokeDasharray="4 2" />,
  targetAcross: <line x1={0} x2={22} y1={7} y2={7} stroke={palette.ink} strokeWidth={2} strokeDasharray="5 3" />,
  baselineAcross: (
    <line x1={0} x2={22} y1={7} y2={7} stroke={palette.baseline} strokeWidth={1.5} strokeDasharray="2 3" />
  ),
  bar: (colour: string) => <path d="M 2 3 h 18 v 8 h -18 Z" fill={colour} />,
  line: (colour: string) => (
    <>
      <line x1={0} x2={22} y1={7} y2={7} stroke={colour} strokeWidth={2.5} />
      <Marker shape="circle" x={11} y={7} size={3.5} colour={colour} />
    </>
  ),
};
