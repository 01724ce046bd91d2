/** The chart kit (ADR 014): one set of rules for every chart, drawn as SVG on the server. */
export { Axis } from "./axis";
export { BarChart, BarLegend, type BarSeries } from "./bar-chart";
export { ChangeChart, ChangeLegend, type ChangeRow } from "./change-chart";
export { ChartSvg, CHART_WIDTH } from "./chart-svg";
export { LineChart, type LinePoint } from "./line-chart";
export {
  ChangeText,
  ChartLegend,
  legendMarks,
  Marker,
  ReferenceLine,
  type LegendEntry,
  type MarkerShape,
} from "./marks";
export { fontSize, palette } from "./palette";
export * from "./scales";
