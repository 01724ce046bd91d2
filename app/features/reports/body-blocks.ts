/**
 * A section's stored text as blocks a reader can take in: paragraphs, sub-headings, bullet lists,
 * and tables for the lines the prefill writes about targets, measured progress and actions. The
 * text stays the SIP's (plain text with "- " bullets, ISO dates, so it reads the same in any
 * locale); only its presentation is built here. A line the SIP rewrote in their own words is kept
 * as a list item, never dropped. Pure: used by the page, the print view and the PDF.
 */

export type TableKind = "targets" | "progress" | "actions";

export type Block =
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; table: TableKind; rows: string[][] };

/** Column headings of each kind of table, in the order its rows hold the cells. */
export const tableColumns: Record<TableKind, string[]> = {
  targets: ["Measure", "Pupils", "Baseline", "Target", "By"],
  progress: ["Measure", "Pupils", "Latest", "Change since baseline"],
  actions: ["Action", "Who", "Due", "Status"],
};

/** What each kind of table is, for screen readers and the printed caption. */
export const tableCaptions: Record<TableKind, string> = {
  targets: "Targets",
  progress: "Measured progress",
  actions: "Agreed actions",
};

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
// "- Attendance, Disadvantaged pupils: from 88.5% to 93% by 2027-07-15". A measure may hold commas
// ("Reading, writing and maths"); the pupil group after the last one does not.
const TARGET = new RegExp(String.raw`^(.+), ([^,]+?): from ${NUMBER}% to ${NUMBER}% by (\d{4}-\d{2}-\d{2})$`);
// "- Attendance, Disadvantaged pupils: 91% (+1.0 pp since baseline)"
const PROGRESS = new RegExp(String.raw`^(.+), ([^,]+?): ${NUMBER}% \(([+−-]?\d+(?:\.\d+)? pp) since baseline\)$`);
// "- Daily first-day calls to families (Attendance lead, due 2027-01-31): in progress"
const ACTION = /^(.+) \(([^()]+), due (\d{4}-\d{2}-\d{2})\): (.+)$/;

type Item = { table: TableKind; cells: string[] } | { table: null; text: string };

function readItem(line: string, formatDate: (iso: string) => string): Item {
  const target = TARGET.exec(line);
  if (target) {
    const [, measure, group, baseline, goal, by] = target;
    return { table: "targets", cells: [measure, group, `${baseline}%`, `${goal}%`, formatDate(by)] };
  }
  const progress = PROGRESS.exec(line);
  if (progress) {
    const [, measure, group, actual, change] = progress;
    return { table: "progress", cells: [measure, group, `${actual}%`, change] };
  }
  const action = ACTION.exec(line);
  if (action) {
    const [, description, owner, due, status] = action;
    return { table: "actions", cells: [description, owner, formatDate(due), capitalise(status)] };
  }
  return { table: null, text: withDates(line, formatDate) };
}

/** Every ISO date in a line of text, in the reader's locale ("by 2027-07-16" → "by 16 July 2027"). */
export function withDates(text: string, formatDate: (iso: string) => string): string {
  return text.replace(ISO_DATE, (iso) => (isRealDate(iso) ? formatDate(iso) : iso));
}

function isRealDate(iso: string) {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Consecutive bullets become tables (runs of one kind) and lists (everything else), in their order. */
function bulletBlocks(lines: string[], formatDate: (iso: string) => string): Block[] {
  const blocks: Block[] = [];
  for (const item of lines.map((line) => readItem(line, formatDate))) {
    const last = blocks[blocks.length - 1];
    if (item.table) {
      if (last?.kind === "table" && last.table === item.table) last.rows.push(item.cells);
      else blocks.push({ kind: "table", table: item.table, rows: [item.cells] });
    } else if (last?.kind === "list") last.items.push(item.text);
    else blocks.push({ kind: "list", items: [item.text] });
  }
  return blocks;
}

const BULLET = /^\s*[-*•]\s+/;

/** The blocks of a section's text; `formatDate` turns an ISO calendar date into the reader's words. */
export function bodyBlocks(body: string, formatDate: (iso: string) => string): Block[] {
  const blocks: Block[] = [];
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) blocks.push(...bulletBlocks(bullets, formatDate));
    bullets = [];
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return flush();
    if (BULLET.test(line)) return void bullets.push(line.replace(BULLET, ""));
    flush();
    // A line that introduces bullets ("Attendance of disadvantaged pupils (Attendance)") heads them.
    const next = lines[i + 1]?.trim() ?? "";
    const introducesBullets = BULLET.test(next) && line.length <= 160 && !/[.:]$/.test(line);
    blocks.push({ kind: introducesBullets ? "subheading" : "paragraph", text: withDates(line, formatDate) });
  });
  flush();
  return blocks;
}
