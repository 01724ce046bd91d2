import { Fragment } from "react";
import { useDateContext } from "../../../components/date-context";
import { formatCalendarDate } from "../../../kernel/dates";
import { bodyBlocks, inlineSpans, tableCaptions, tableColumns, type Block } from "../body-blocks";

// Columns holding figures or dates: right-aligned, never wrapped, so a column of numbers reads down.
const numericColumns: Record<string, true> = {
  Baseline: true,
  Target: true,
  Latest: true,
  "Change since baseline": true,
  Due: true,
  By: true,
};

/** A section's text as paragraphs, sub-headings, lists, quotes and tables, with dates in the reader's locale. */
export function SectionBody({ body }: { body: string }) {
  const ctx = useDateContext();
  const blocks = bodyBlocks(body, (iso) => formatCalendarDate(iso, "date", ctx));
  if (blocks.length === 0) return <p className="report-body report-empty-text">No text yet.</p>;
  return <BodyBlocks blocks={blocks} className="report-body" />;
}

/**
 * Stored text read as blocks (`bodyBlocks`), under a heading of level 2: "## " becomes an h3,
 * "### " an h4. The container's class styles them (the report's stylesheet, or Tailwind elsewhere).
 */
export function BodyBlocks({ blocks, className }: { blocks: Block[]; className?: string }) {
  return (
    <div className={className}>
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}

/**
 * Inline Markdown as React elements (never as HTML): bold, italic, safe links, line breaks. A
 * link opens in the same tab, like every other link in Commons.
 */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {inlineSpans(text).map((span, i) => {
        let node = <LineBreaks text={span.text} />;
        if (span.italic) node = <em>{node}</em>;
        if (span.bold) node = <strong>{node}</strong>;
        if (span.href)
          node = (
            <a href={span.href} rel="noopener noreferrer nofollow">
              {node}
            </a>
          );
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function LineBreaks({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "subheading":
      return (
        <h3>
          <InlineText text={block.text} />
        </h3>
      );
    case "minorheading":
      return (
        <h4>
          <InlineText text={block.text} />
        </h4>
      );
    case "paragraph":
      return (
        <p>
          <InlineText text={block.text} />
        </p>
      );
    case "list":
    case "numbered": {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineText text={item} />
        </li>
      ));
      return block.kind === "list" ? (
        <ul>{items}</ul>
      ) : (
        <ol start={block.start === 1 ? undefined : block.start}>{items}</ol>
      );
    }
    case "quote":
      return (
        <blockquote>
          {block.blocks.map((inner, i) => (
            <BlockView key={i} block={inner} />
          ))}
        </blockquote>
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
                    <InlineText text={cell} />
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
