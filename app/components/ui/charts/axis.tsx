import type { Tick } from "./scales";
import { fontSize, palette } from "./palette";

type AxisProps = {
  /** Where the labels sit: above or below the plot (a value axis across, or a time axis), or left of it. */
  orient: "top" | "bottom" | "left";
  ticks: Tick[];
  /** Where a tick's value falls along the axis, in SVG units. */
  position: (value: number) => number;
  /** The line the labels stand on: a y for top and bottom, an x for left. */
  at: number;
  /** How far each tick's gridline reaches across the plot, from and to; none when omitted. */
  grid?: readonly [number, number];
  /** Draw the axis line itself (a time axis has one; a value axis leans on its gridlines). */
  line?: readonly [number, number];
};

/** One axis: its tick labels (12 units, dark grey) and light gridlines across the plot. */
export function Axis({ orient, ticks, position, at, grid, line }: AxisProps) {
  const across = orient === "left";
  return (
    <g data-axis={orient}>
      {line ? (
        across ? (
          <line x1={at} x2={at} y1={line[0]} y2={line[1]} stroke={palette.baseline} />
        ) : (
          <line x1={line[0]} x2={line[1]} y1={at} y2={at} stroke={palette.baseline} />
        )
      ) : null}
      {ticks.map((t) => {
        const p = position(t.value);
        return (
          <g key={t.value}>
            {grid ? (
              across ? (
                <line x1={grid[0]} x2={grid[1]} y1={p} y2={p} stroke={palette.grid} />
              ) : (
                <line x1={p} x2={p} y1={grid[0]} y2={grid[1]} stroke={palette.grid} />
              )
            ) : null}
            <text
              x={across ? at - 8 : p}
              y={across ? p + 4 : orient === "top" ? at - 6 : at + 16}
              textAnchor={across ? "end" : "middle"}
              fontSize={fontSize.tick}
              fill={palette.text}
            >
              {t.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
