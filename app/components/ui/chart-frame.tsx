import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "./data-table";

/** The figures of a chart as a table: what a screen reader reads instead of the picture. */
export type ChartTable<Row> = Pick<DataTableProps<Row>, "caption" | "columns" | "rows" | "rowKey">;

export type ChartFrameProps<Row> = {
  /** Prefix of the title's id: the figure is named by its title. */
  id?: string;
  /** A heading above the chart (needs `id`). */
  title?: ReactNode;
  /** A sentence under the chart saying what it shows, instead of a title (a figure has one caption). */
  caption?: ReactNode;
  /** The key to colours and marks, between the title and the picture. */
  legend?: ReactNode;
  /** The picture itself (an SVG, hidden from screen readers unless it names itself). */
  children: ReactNode;
  table?: ChartTable<Row>;
  /** sr-only: the table is read by screen readers only; details: anyone may open it under the chart. */
  tableDisplay?: "sr-only" | "details";
  /** Draws the figure as a white bordered card. */
  boxed?: boolean;
  testId?: string;
};

/**
 * One chart's frame: the figure, its title or caption, the picture, and the same figures as a table
 * so that nobody depends on seeing the picture. Each chart keeps drawing its own SVG.
 */
export function ChartFrame<Row>({
  id,
  title,
  caption,
  legend,
  children,
  table,
  tableDisplay = "sr-only",
  boxed,
  testId,
}: ChartFrameProps<Row>) {
  const titleId = title !== undefined && id ? `${id}-caption` : undefined;
  return (
    <figure
      className={boxed ? "rounded-lg border border-slate-200 bg-white p-4" : undefined}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      {title !== undefined ? (
        <figcaption id={titleId} className="font-semibold text-slate-900">
          {title}
        </figcaption>
      ) : null}
      {legend}
      {children}
      {caption !== undefined ? <figcaption className="text-sm text-slate-700">{caption}</figcaption> : null}
      {table ? <FiguresTable table={table} display={tableDisplay} /> : null}
    </figure>
  );
}

function FiguresTable<Row>({ table, display }: { table: ChartTable<Row>; display: "sr-only" | "details" }) {
  if (display === "sr-only") return <DataTable {...table} variant="sr-only" />;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline">
        Show these results as a table
      </summary>
      <DataTable {...table} variant="compact" className="mt-2" />
    </details>
  );
}
