/**
 * Snippets arrive from the database with the matched words between two control characters
 * (ts_headline's StartSel/StopSel, db/queries/search-sql.ts). They are split here into plain and
 * marked pieces that the page renders as text and <mark> elements: people's words are never HTML.
 */
import { MARK_END, MARK_START } from "../../../db/queries/search-sql";

/** A piece of a snippet: plain text, or words that matched the search (`marked`). */
export type SnippetSegment = { text: string; marked: boolean };

/** Splits a headline into segments; stray marks (typed by someone, or unbalanced) are dropped, never shown. */
export function splitSnippet(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (text.length === 0) return;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
    text = "";
  };
  for (const char of headline) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      marked = char === MARK_START;
    } else text += char;
  }
  flush();
  return segments;
}
