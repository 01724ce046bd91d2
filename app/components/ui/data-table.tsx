import type { ReactNode } from "react";

/** One column: its header, how a row fills its cell, and how the cell looks. */
export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell names its row (`<th scope="row">`), as a person's or school's name does. */
  rowHeader?: boolean;
  /** Figures line up on the right, digits of equal width. */
  numeric?: boolean;
  /** Extra classes on this column's cells. */
  className?: string;
  /** Extra classes on this column's header. */
  headerClassName?: string;
  /** How many columns this row's cell spans (the next ones are skipped), e.g. one note instead of hidden figures. */
  span?: (row: Row) => number;
};

/**
 * card: the bordered, scrollable list of the admin pages; flat: the same table without its frame
 * (already inside a card); compact: tighter cells, as in a chart's table; plain: a bare table;
 * sr-only: read only by screen readers, the text alternative of a chart.
 */
export type TableVariant = "card" | "flat" | "compact" | "plain" | "sr-only";

export type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  /** A stable key per row (the index only where rows have no identity, e.g. a list of errors). */
  rowKey: (row: Row, index: number) => string;
  /** Names the table; visually hidden except in the sr-only variant, where the whole table is. */
  caption?: ReactNode;
  "aria-label"?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  variant?: TableVariant;
  /** Classes on the outermost element (e.g. its top margin). */
  className?: string;
  testId?: string;
  rowTestId?: string;
};

type Look = {
  wrap?: string;
  table: string;
  caption?: string;
  thead?: string;
  th?: string;
  rowTh?: string;
  td?: string;
  tr?: string;
};

const card: Look = {
  wrap: "overflow-x-auto rounded-lg border border-slate-200 bg-white",
  table: "min-w-full text-left text-sm",
  caption: "sr-only",
  thead: "bg-slate-100",
  th: "px-3 py-2 font-semibold",
  rowTh: "px-3 py-2 font-medium",
  td: "px-3 py-2",
  tr: "border-t border-slate-200",
};

const looks: Record<TableVariant, Look> = {
  card,
  flat: { ...card, wrap: undefined },
  compact: { ...card, wrap: "overflow-x-auto", th: "px-2 py-1", rowTh: "px-2 py-1 font-medium", td: "px-2 py-1" },
  plain: { table: "w-full text-left text-sm" },
  // The wrapper is what is clipped: `sr-only` on a <table> itself does not keep it 1 px wide, so a wide
  // hidden table would make a phone's page scroll sideways.
  "sr-only": { table: "", wrap: "sr-only" },
};

const cx = (...parts: Array<string | false | undefined>) => parts.filter(Boolean).join(" ") || undefined;

/** A table of rows under column headers, with the house classes; an empty list shows `empty` instead. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, caption, empty, variant = "card", className, testId, rowTestId } = props;
  if (rows.length === 0 && empty !== undefined)
    return className ? <div className={className}>{empty}</div> : <>{empty}</>;
  const look = looks[variant];
  const table = (
    <table className={cx(!look.wrap && className, look.table)} aria-label={props["aria-label"]} data-testid={testId}>
      {caption !== undefined ? <caption className={look.caption}>{caption}</caption> : null}
      <thead className={look.thead}>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={cx(look.th, c.numeric && "text-right", c.headerClassName)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className={look.tr} data-testid={rowTestId}>
            {cells(columns, row, look)}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return look.wrap ? <div className={cx(className, look.wrap)}>{table}</div> : table;
}

function cells<Row>(columns: Column<Row>[], row: Row, look: Look) {
  const out: ReactNode[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const span = c.span?.(row) ?? 1;
    const className = cx(c.rowHeader ? look.rowTh : look.td, c.numeric && "text-right tabular-nums", c.className);
    const colSpan = span > 1 ? span : undefined;
    out.push(
      c.rowHeader ? (
        <th key={c.key} scope="row" className={className} colSpan={colSpan}>
          {c.cell(row)}
        </th>
      ) : (
        <td key={c.key} className={className} colSpan={colSpan}>
          {c.cell(row)}
        </td>
      ),
    );
    i += span - 1;
  }
  return out;
}
