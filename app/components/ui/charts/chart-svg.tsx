import type { ReactNode } from "react";

/** Every chart's drawing width in SVG units; the picture scales to its container. */
export const CHART_WIDTH = 680;

/**
 * The SVG of a chart, hidden from screen readers (the frame's table says the same), drawn on the
 * server with presentation attributes only: no script, no inline style, so the strict CSP holds
 * and the chart prints as it shows.
 */
export function ChartSvg({
  height,
  width = CHART_WIDTH,
  className = "mt-2 h-auto w-full",
  testId,
  children,
}: {
  height: number;
  width?: number;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={className}
      aria-hidden="true"
      focusable="false"
      data-testid={testId}
      fontFamily="inherit"
    >
      {children}
    </svg>
  );
}

/** Splits a label into at most `lines` lines of about `width` characters, the last cut with "…". */
export function wrapLabel(text: string, width = 26, lines = 2): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.map((l) => (l.length > width + 2 ? `${l.slice(0, width)}…` : l));
  const kept = out.slice(0, lines);
  const last = kept[lines - 1];
  kept[lines - 1] = `${last.length > width - 1 ? last.slice(0, width - 1) : last}…`;
  return kept;
}

/** A row's name at the left of a chart, wrapped onto up to three lines (two above a smaller detail line). */
export function RowLabel({
  x = 0,
  y,
  text,
  detail,
  lines: most = 3,
}: {
  x?: number;
  y: number;
  text: string;
  detail?: string;
  /** At most this many lines for the name. */
  lines?: number;
}) {
  const lines = wrapLabel(text, 26, detail ? Math.min(2, most) : most);
  const top = y - ((lines.length - 1) * 16 + (detail ? 16 : 0)) / 2;
  return (
    <text x={x} y={top} fontSize={13} fill="#0f172a">
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : 16} fontWeight={600}>
          {l}
        </tspan>
      ))}
      {detail ? (
        <tspan x={x} dy={16} fontSize={12} fill="#334155">
          {detail}
        </tspan>
      ) : null}
    </text>
  );
}
