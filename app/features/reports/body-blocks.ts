/**
 * A section's stored text as blocks a reader can take in: paragraphs, sub-headings, bullet and
 * numbered lists, quotes, and tables for the lines the prefill writes about targets, measured
 * progress and actions. The text stays the SIP's: plain text with "- " bullets (ISO dates, so it
 * reads the same in any locale), or the small Markdown the rich-text editor writes ("## " and
 * "### " headings, "- " and "1. " lists, "> " quotes, **bold**, *italic*, [words](address)). Old
 * plain text reads as it always did; only its presentation is built here. A line the SIP rewrote
 * in their own words is kept as a list item, never dropped. Pure: used by the page, the print view
 * and the PDF, and by the visit record's answers.
 */
import { safeHref } from "../../kernel/safe-url";

export type TableKind = "targets" | "progress" | "actions";

/**
 * Texts inside blocks (and table cells) are still inline Markdown: read them with `inlineSpans`.
 * A "subheading" is "## " (or a plain line heading bullets), a "minorheading" "### ".
 */
export type Block =
  | { kind: "subheading"; text: string }
  | { kind: "minorheading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "numbered"; items: string[]; start: number }
  | { kind: "quote"; blocks: Block[] }
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

// A link's address is skipped (group 1 is empty there): a date inside an address stays as written.
const ISO_DATE = /\]\([^)\s]*\)|\b(\d{4}-\d{2}-\d{2})\b/g;
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
  return text.replace(ISO_DATE, (match, iso?: string) => (iso && isRealDate(iso) ? formatDate(iso) : match));
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
const NUMBERED = /^\s*(\d{1,3})[.)]\s+/;
const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const QUOTE = /^\s*>\s?/;

/**
 * The text's lines, a line ending in a Markdown line break (two spaces or a backslash, as the
 * editor writes Shift+Enter) joined to the next with "\n", so a list item or paragraph stays one.
 */
function logicalLines(body: string): string[] {
  const lines: string[] = [];
  for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
    const last = lines.length - 1;
    const startsBlock = [BULLET, NUMBERED, HEADING, QUOTE].some((re) => re.test(raw.trim()));
    if (last >= 0 && /\S( {2,}|\\)$/.test(lines[last]) && raw.trim() && !startsBlock) {
      lines[last] = `${lines[last].replace(/( +|\\)$/, "")}\n${raw.trim()}`;
    } else lines.push(raw);
  }
  return lines;
}

/** The blocks of a section's text; `formatDate` turns an ISO calendar date into the reader's words. */
export function bodyBlocks(body: string, formatDate: (iso: string) => string): Block[] {
  const blocks: Block[] = [];
  const lines = logicalLines(body);
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) blocks.push(...bulletBlocks(bullets, formatDate));
    bullets = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      flush();
      continue;
    }
    if (BULLET.test(line)) {
      bullets.push(line.replace(BULLET, ""));
      continue;
    }
    flush();
    const numbered = NUMBERED.exec(line);
    const quote = QUOTE.test(line);
    const heading = HEADING.exec(line);
    if (numbered) {
      const last = blocks[blocks.length - 1];
      const item = withDates(line.replace(NUMBERED, ""), formatDate);
      if (last?.kind === "numbered" && i > 0 && lines[i - 1].trim()) last.items.push(item);
      else blocks.push({ kind: "numbered", items: [item], start: Number(numbered[1]) });
    } else if (quote) {
      // A quote is every following line that starts with ">", read as blocks of its own.
      const inner: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i++) inner.push(lines[i].replace(QUOTE, ""));
      i--;
      blocks.push({ kind: "quote", blocks: bodyBlocks(inner.join("\n"), formatDate) });
    } else if (heading) {
      const kind = heading[1].length <= 2 ? "subheading" : "minorheading";
      blocks.push({ kind, text: withDates(heading[2], formatDate) });
    } else {
      blocks.push({
        kind: introducesBullets(lines, i, formatDate) ? "subheading" : "paragraph",
        text: withDates(line, formatDate),
      });
    }
  }
  flush();
  return blocks;
}

/**
 * A short line that introduces bullets ("Attendance of disadvantaged pupils (Attendance)") heads
 * them. The editor puts a blank line between a paragraph and a list, so across blank lines only
 * the prefill's table rows count: a priority's title stays its heading after the SIP edits it.
 */
function introducesBullets(lines: string[], i: number, formatDate: (iso: string) => string): boolean {
  const line = lines[i].trim();
  if (line.length > 160 || /[.:]$/.test(line)) return false;
  const next = lines[i + 1]?.trim() ?? "";
  if (BULLET.test(next)) return true;
  const after =
    lines
      .slice(i + 1)
      .find((l) => l.trim())
      ?.trim() ?? "";
  return BULLET.test(after) && readItem(after.replace(BULLET, ""), formatDate).table !== null;
}

/** A run of inline text with its marks; `href` only ever holds a safe address (web or email). */
export type Span = { text: string; bold?: true; italic?: true; href?: string };
type Marks = Omit<Span, "text">;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const ENTITY = /^&(?:amp|lt|gt|quot|#39);/;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Where the run of `n` stars closing one opened before `from` starts, or -1 (stars touching words, as Markdown asks). */
function closingStars(text: string, from: number, n: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "*") {
      let run = 1;
      while (text[i + run] === "*") run++;
      if (run === n && i > from && !/\s/.test(text[i - 1])) return i;
      i += run - 1;
    }
  }
  return -1;
}

/** `[words](address)` starting at `at`: the words, the address and where it ends, or null. */
function linkAt(text: string, at: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let i = at;
  for (; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) break;
  }
  if (text[i + 1] !== "(") return null;
  let parens = 0;
  for (let j = i + 2; j < text.length; j++) {
    if (/\s/.test(text[j])) return null;
    if (text[j] === "(") parens++;
    else if (text[j] === ")" && parens-- === 0)
      return { label: text.slice(at + 1, i), url: text.slice(i + 2, j), end: j + 1 };
  }
  return null;
}

function spansOf(text: string, marks: Marks, out: Span[]) {
  let plain = "";
  const push = (span: Span) => {
    const last = out[out.length - 1];
    const same = last && last.bold === span.bold && last.italic === span.italic && last.href === span.href;
    if (same) last.text += span.text;
    else if (span.text) out.push(span);
  };
  const flushPlain = () => {
    push({ ...marks, text: plain });
    plain = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const entity = c === "&" ? ENTITY.exec(text.slice(i)) : null;
    if (c === "\\" && PUNCTUATION.test(text[i + 1] ?? "")) plain += text[++i];
    else if (entity) {
      plain += ENTITIES[entity[0]];
      i += entity[0].length - 1;
    } else if (c === "*") {
      let n = 1;
      while (text[i + n] === "*") n++;
      const close = n <= 3 && !/\s/.test(text[i + n] ?? " ") ? closingStars(text, i + n, n) : -1;
      if (close < 0) {
        plain += text.slice(i, i + n);
        i += n - 1;
        continue;
      }
      flushPlain();
      const inner = {
        ...marks,
        ...(n !== 1 ? { bold: true as const } : {}),
        ...(n !== 2 ? { italic: true as const } : {}),
      };
      spansOf(text.slice(i + n, close), inner, out);
      i = close + n - 1;
    } else if (c === "[" && linkAt(text, i)) {
      const link = linkAt(text, i)!;
      const href = marks.href ?? safeHref(link.url) ?? undefined;
      flushPlain();
      // An address that is not web or email is never linked: its words stay as plain text.
      spansOf(link.label, href ? { ...marks, href } : marks, out);
      i = link.end - 1;
    } else plain += c;
  }
  flushPlain();
}

/**
 * A line of inline Markdown as runs of text with their marks: **bold**, *italic*, ***both***,
 * [words](address) linked only when the address is web or email (else the words, unlinked),
 * backslash escapes and the few HTML entities the editor writes ("&amp;"). Anything else,
 * including an unclosed star, is text as typed. "\n" inside a span is a line break.
 */
export function inlineSpans(text: string): Span[] {
  const out: Span[] = [];
  spansOf(text, {}, out);
  return out;
}

// A block mark at a line's start, or an inline mark anywhere, as the rich-text editor writes them.
const MARKDOWN =
  /^[ \t]*(?:#{1,6}[ \t]|>|[-*•][ \t]|\d{1,3}[.)][ \t])|\*\*|\*\S[^*\n]*\*|\\[!-/:-@[-`{-~]|\]\([^)\s]+\)|&(?:amp|lt|gt|quot|#39);/m;

/**
 * Whether a text holds anything the rich-text editor writes (a heading, list, quote, bold, italic,
 * link, escape or entity). A text with none reads the same as plain text, so a page that showed
 * plain text as typed can go on doing so for it.
 */
export function hasMarkdown(text: string): boolean {
  return MARKDOWN.test(text);
}
