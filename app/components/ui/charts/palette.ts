/**
 * The chart colours, each at least 3:1 against white (WCAG 1.4.11 for graphics) except the
 * gridlines, which carry no meaning. Meaning never rests on colour alone: marks differ in shape
 * and line style too, and every figure is written beside it and in the table.
 */
export const palette = {
  /** Text and the target line (slate-900). */
  ink: "#0f172a",
  /** Tick labels and secondary text (slate-700, 10:1). */
  text: "#334155",
  /** Axis lines and the baseline (slate-600, 7.6:1). */
  baseline: "#475569",
  /** Gridlines: orientation only (slate-200). */
  grid: "#e2e8f0",
  /** The latest value, the actual (brand-700, 7.9:1). */
  actual: "#185a4a",
  /** The band between baseline and actual (brand-600 for a rise, red-700 for a fall), drawn light. */
  rise: "#1f6f5c",
  fall: "#b91c1c",
  /** A second series beside the brand colour (amber-700, 5:1). */
  second: "#b45309",
  /** Over budget, below zero (red-700, 6.5:1). */
  danger: "#b91c1c",
} as const;

/** The font sizes of chart text, in SVG units (the charts are drawn 680 wide and scale with the page). */
export const fontSize = { tick: 12, label: 13, small: 12, change: 14 } as const;
