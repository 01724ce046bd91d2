import type { BoardExport } from "./inquiry-data";
import { dotsLabel } from "./inquiry-markdown";

/**
 * The root-cause board as a standalone SVG: one column per category, each note a sticky note with
 * its words, its author and its dots, named groups headed inside their column. Text is wrapped here
 * (SVG has no text flow) by a character count that fits the column at this font size; every word
 * people wrote is escaped for XML, and characters XML cannot hold at all are dropped.
 */
const COLUMN = 240;
const GAP = 16;
const MARGIN = 24;
const NOTE_PAD = 10;
const LINE = 17;
const CHARS_PER_LINE = 30;

/** XML-escapes text; drops the control characters and lone surrogates XML 1.0 forbids (they would make the file unreadable). */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- exactly the characters XML forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!)
  );
}

/** Wraps words into lines of at most `width` characters, splitting only words longer than a line. */
export function wrapText(text: string, width = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > width) {
        if (line) lines.push(line);
        line = "";
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!word) continue;
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines.length ? lines : [""];
}

const text = (x: number, y: number, content: string, attrs = "") =>
  `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ""}>${escapeXml(content)}</text>`;

/** The board as an SVG document (a string), titled for screen readers and for anyone opening the file. */
export function boardSvg(board: BoardExport, title: string): string {
  const parts: string[] = [];
  const top = MARGIN + 30 + (board.problem ? 22 : 0);
  let height = top;
  board.columns.forEach((column, c) => {
    const x = MARGIN + c * (COLUMN + GAP);
    let y = top;
    parts.push(`<rect x="${x}" y="${y}" width="${COLUMN}" height="30" rx="4" fill="#e2e8f0"/>`);
    parts.push(text(x + NOTE_PAD, y + 20, column.label, 'font-weight="700"'));
    y += 40;
    for (const group of column.groups) {
      if (group.name) {
        parts.push(text(x + 4, y + 14, `Group: ${group.name}`, 'font-weight="700" fill="#185a4a"'));
        y += 22;
      }
      for (const note of group.notes) {
        const lines = wrapText(note.text);
        const h = NOTE_PAD * 2 + lines.length * LINE + LINE + 4;
        parts.push(
          `<g><rect x="${x}" y="${y}" width="${COLUMN}" height="${h}" rx="3" fill="#fef3c7" stroke="#d97706"/>`,
          ...lines.map((l, i) => text(x + NOTE_PAD, y + NOTE_PAD + 13 + i * LINE, l)),
          text(x + NOTE_PAD, y + h - NOTE_PAD, note.authorName, 'font-size="11" fill="#475569"'),
          text(
            x + COLUMN - NOTE_PAD,
            y + h - NOTE_PAD,
            dotsLabel(note.dots),
            'font-size="11" font-weight="700" text-anchor="end"',
          ),
          "</g>",
        );
        y += h + 8;
      }
    }
    if (column.groups.every((g) => g.notes.length === 0)) {
      parts.push(text(x + 4, y + 14, "No notes.", 'font-style="italic" fill="#475569"'));
      y += 22;
    }
    height = Math.max(height, y);
  });
  const width = MARGIN * 2 + Math.max(1, board.columns.length) * (COLUMN + GAP) - GAP;
  const heading = [
    text(MARGIN, MARGIN + 16, title, 'font-size="18" font-weight="700"'),
    ...(board.problem ? [text(MARGIN, MARGIN + 40, `Problem: ${board.problem}`)] : []),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + MARGIN}" viewBox="0 0 ${width} ${height + MARGIN}" role="img" aria-labelledby="board-title" font-family="Liberation Sans, Arial, sans-serif" font-size="13" fill="#0f172a">`,
    `<title id="board-title">${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...heading,
    ...parts,
    "</svg>",
  ].join("\n");
}

/** The width and height an SVG made by `boardSvg` declares (for drawing it at its own size). */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 800), height: Number(match?.[2] ?? 600) };
}
