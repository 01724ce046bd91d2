import { useDateContext } from "../../../components/date-context";
import { formatCalendarDate } from "../../../kernel/dates";
import { bodyBlocks, tableCaptions, tableColumns, type Block } from "../body-blocks";

// Columns holding figures or dates: right-aligned, never wrapped, so a column of numbers reads down.
const numericColumns: Record<string, true> = {
  Baseline: true,
  Target: true,
  Latest: true,
  "Change since baseline": true,
  Due: true,
  By: true,
};

/** A section's text as paragraphs, sub-headings, lists and tables, with dates in the reader's locale. */
export function SectionBody({ body }: { body: string }) {
  const ctx = useDateContext();
  const blocks = bodyBlocks(body, (iso) => formatCalendarDate(iso, "date", ctx));
  if (blocks.length === 0) return <p className="report-body report-empty-text">No text yet.</p>;
  return (
    <div className="report-body">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "subheading":
      return <h3>{block.text}</h3>;
    case "paragraph":
      return <p>{block.text}</p>;
    case "list":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case "table": {
      const columns = tableColumns[block.table];
      return (
        <table className="report-table">
          <caption>{tableCaptions[block.table]}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className={numericColumns[c] ? "report-num" : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className={numericColumns[columns[c]] ? "report-num" : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
  }
}
