/** What one Lighthouse run of one page keeps, and the table printed and pasted into docs/performance.md. */
import type { Result } from "lighthouse";

export type Scores = { performance: number; accessibility: number; bestPractices: number };

export type PageResult = {
  name: string;
  role: string | null;
  path: string;
  /** The page Lighthouse ended on: a redirect to /login would mean the session was lost. */
  finalPath: string;
  /** Median of the runs, 0–100. */
  scores: Scores;
  runs: Scores[];
  /** Audits that lost points in the last run, so the next fix is named. */
  failing: {
    category: string;
    id: string;
    title: string;
    score: number | null;
    displayValue?: string;
    elements: string[];
  }[];
  /** How long the server took to answer the document, in ms (Lighthouse's server-response-time). */
  serverResponseMs: number | null;
};

export const TARGETS: Scores = { performance: 90, accessibility: 95, bestPractices: 95 };

const CATEGORIES = { performance: "performance", accessibility: "accessibility", bestPractices: "best-practices" };

/** The three scores of a Lighthouse result, 0–100. */
export function scoresOf(lhr: Result): Scores {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score(CATEGORIES.performance),
    accessibility: score(CATEGORIES.accessibility),
    bestPractices: score(CATEGORIES.bestPractices),
  };
}

/** Up to three offending elements of an audit, so the fix can be found in the page. */
function offenders(audit: Result["audits"][string]): string[] {
  const details = audit.details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined;
  // Some audits' details hold no list (a table of one row, a chart): nothing to point at then.
  const items = Array.isArray(details?.items) ? details.items : [];
  return items
    .map((item) => item.node?.selector ?? item.node?.snippet)
    .filter((s): s is string => Boolean(s))
    .slice(0, 3);
}

/**
 * Audits in the three categories that did not score full marks, weighted or not (performance's
 * opportunities carry no weight but say where the time went).
 */
export function failingAudits(lhr: Result): PageResult["failing"] {
  return Object.values(CATEGORIES).flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => ({
        category: id,
        id: a.id,
        title: a.title,
        score: a.score,
        displayValue: a.displayValue,
        elements: offenders(a),
      })),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** A Markdown table of the medians, a mark against each score under its target. */
export function markdownTable(pages: PageResult[]): string {
  const cell = (value: number, target: number) => (value >= target ? String(value) : `**${value}** (below ${target})`);
  const rows = pages.map(
    (p) =>
      `| ${p.name} | \`${p.path.replace(/[0-9a-f-]{36}/g, ":id")}\` | ${cell(p.scores.performance, TARGETS.performance)} | ${cell(p.scores.accessibility, TARGETS.accessibility)} | ${cell(p.scores.bestPractices, TARGETS.bestPractices)} | ${p.serverResponseMs === null ? "–" : Math.round(p.serverResponseMs)} |`,
  );
  return [
    `| page | address | performance (≥ ${TARGETS.performance}) | accessibility (≥ ${TARGETS.accessibility}) | best practices (≥ ${TARGETS.bestPractices}) | server response (ms) |`,
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
