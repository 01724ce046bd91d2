import { formatChange } from "../../components/ui/charts/format";

/** The student groups a school reports on; roll-ups compare like with like, so the list is fixed. */
export const studentGroups = ["all", "disadvantaged", "send", "eal"] as const;
export type StudentGroup = (typeof studentGroups)[number];
export const studentGroupLabels: Record<StudentGroup, string> = {
  all: "All pupils",
  disadvantaged: "Disadvantaged (pupil premium)",
  send: "SEND",
  eal: "EAL",
};

/** The measures, each a percentage where higher is better (so a positive change is a rise). */
export const measures = ["attendance", "reading", "writing", "maths", "rwm"] as const;
export type Measure = (typeof measures)[number];
export const measureLabels: Record<Measure, string> = {
  attendance: "Attendance %",
  reading: "Reading at expected standard %",
  writing: "Writing at expected standard %",
  maths: "Maths at expected standard %",
  rwm: "Reading, writing and maths combined at expected standard %",
};

/**
 * Rounds to one decimal place, the precision outcomes are stored in; halves go away from zero. The
 * nudge absorbs binary noise (60.575 is stored as 60.57499…, and must still round up).
 */
export function round1(n: number): number {
  return Math.round(n * 10 + (n >= 0 ? 1e-7 : -1e-7)) / 10;
}

/** Percentage-point change from the baseline to the actual result, or null until there is an actual. */
export function ppChange(row: { baseline: number; actual: number | null }): number | null {
  return row.actual === null ? null : round1(row.actual - row.baseline);
}

/** Percentage points above (+) or below (−) the target, or null until there is an actual. */
export function ppAgainstTarget(row: { target: number; actual: number | null }): number | null {
  return row.actual === null ? null : round1(row.actual - row.target);
}

/** "+4.2 pp", "−1.0 pp", "0.0 pp", or "—" when there is nothing to compare (the charts' own rule, ADR 014). */
export function formatPp(pp: number | null): string {
  return pp === null ? "—" : formatChange(pp, "pp");
}

/** A percentage as shown: "92.5%". */
export function formatPercent(n: number | null): string {
  return n === null ? "—" : `${n.toFixed(1)}%`;
}

/** A roll-up never shows the figures of fewer than this many schools the viewer may not see. */
export const MIN_HIDDEN_SCHOOLS_IN_ROLLUP = 2;

/**
 * Whether a roll-up may be shown to a viewer. A mean over schools reveals a school's figures when
 * it is the only school in it the viewer may not see (with one other school the viewer knows, the
 * mean gives the other away), so such a roll-up is suppressed; a mean of only the viewer's own
 * schools, or one over two or more unseen schools, is shown.
 */
export function canShowRollup(rollup: { schools: number; visibleSchools: number }): boolean {
  const hidden = rollup.schools - rollup.visibleSchools;
  return hidden === 0 || hidden >= MIN_HIDDEN_SCHOOLS_IN_ROLLUP;
}

/** A roll-up as the database gives it: means over the schools with an actual result. */
export type Rollup = {
  measure: string;
  studentGroup: string;
  schools: number;
  visibleSchools: number;
  baseline: number;
  target: number;
  actual: number;
};

/** What a chart row shows: means rounded, the pp change, or that it is hidden. */
export type RollupRow =
  | {
      studentGroup: StudentGroup;
      label: string;
      shown: true;
      schools: number;
      baseline: number;
      target: number;
      actual: number;
      change: number;
      againstTarget: number;
    }
  | { studentGroup: StudentGroup; label: string; shown: false; schools: number };

/** One chart's rows for a measure: every student group in the fixed order, hidden ones marked. */
export function rollupRows(
  rollups: readonly Rollup[],
  measure: string,
  alsoHide: ReadonlySet<string> = new Set(),
): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const group of studentGroups) {
    const r = rollups.find((x) => x.measure === measure && x.studentGroup === group);
    if (!r) continue;
    const label = studentGroupLabels[group];
    if (!canShowRollup(r) || alsoHide.has(group)) {
      rows.push({ studentGroup: group, label, shown: false, schools: r.schools });
      continue;
    }
    const [baseline, target, actual] = [round1(r.baseline), round1(r.target), round1(r.actual)];
    rows.push({
      studentGroup: group,
      label,
      shown: true,
      schools: r.schools,
      baseline,
      target,
      actual,
      change: round1(r.actual - r.baseline),
      againstTarget: round1(r.actual - r.target),
    });
  }
  return rows;
}

/**
 * Complementary suppression: student groups whose *cohort* mean must be hidden too, because with
 * the community means shown beside it a single unseen school could be worked out by subtraction —
 * either a community mean of that group is itself hidden (cohort minus the others gives it), or the
 * schools in no community hold exactly one school the viewer may not see. Communities are assumed
 * disjoint; if they are not (a school counted twice), the cohort mean is hidden to be safe.
 */
export function cohortGroupsToHide(
  cohort: readonly Rollup[],
  communities: readonly Rollup[],
  measure: string,
): Set<string> {
  const hide = new Set<string>();
  for (const c of cohort) {
    if (c.measure !== measure) continue;
    const parts = communities.filter((r) => r.measure === measure && r.studentGroup === c.studentGroup);
    const inCommunities = parts.reduce((n, r) => n + r.schools, 0);
    const seenInCommunities = parts.reduce((n, r) => n + r.visibleSchools, 0);
    const hiddenOutside = c.schools - inCommunities - (c.visibleSchools - seenInCommunities);
    if (parts.some((r) => !canShowRollup(r)) || inCommunities > c.schools || hiddenOutside === 1)
      hide.add(c.studentGroup);
  }
  return hide;
}
