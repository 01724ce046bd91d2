/**
 * Where a SMART target stands, computed from its figures alone so a head can show it to governors
 * and defend it: no result yet says so; a result at (or beyond) the target is Met; past its date and
 * short of it is Not met; otherwise On track when the change since the baseline is at least in
 * proportion to the time gone since the plan's year began, and Behind when it is not.
 */
import type { TargetFigures } from "../../kernel/plan-areas";

export const targetStatusValues = ["met", "on_track", "behind", "not_met", "no_result"] as const;
export type TargetStatus = (typeof targetStatusValues)[number];

export const targetStatusLabels: Record<TargetStatus, string> = {
  met: "Met",
  on_track: "On track",
  behind: "Behind",
  not_met: "Not met",
  no_result: "No result yet",
};

/** The one-sentence rule, shown under the targets table so nobody has to guess what "On track" means. */
export const targetStatusRule =
  "On track means the change since the baseline is at least in proportion to the time gone between the start of the school year and the date due.";

const day = (isoDate: string) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);

/**
 * The status of a target on `today` (yyyy-mm-dd), for a plan whose year began on `start`. A target
 * below its baseline (fewer suspensions, less absence) is met by going down to it.
 */
export function targetStatus(
  t: Pick<TargetFigures, "baseline" | "target" | "actual" | "byWhen">,
  { start, today }: { start: string; today: string },
): TargetStatus {
  if (t.actual === null) return "no_result";
  const lower = t.target < t.baseline;
  if (lower ? t.actual <= t.target : t.actual >= t.target) return "met";
  if (day(today) > day(t.byWhen)) return "not_met";
  const span = day(t.byWhen) - day(start);
  // A target due before the year began (a late entry) has had all its time.
  const timeGone = span <= 0 ? 1 : Math.min(1, Math.max(0, (day(today) - day(start)) / span));
  const progress = (t.actual - t.baseline) / (t.target - t.baseline);
  return progress > 0 && progress >= timeGone ? "on_track" : "behind";
}

/** How many targets stand at each status, for a priority's summary line. */
export function countStatuses(statuses: readonly TargetStatus[]): Record<TargetStatus, number> {
  const counts = Object.fromEntries(targetStatusValues.map((s) => [s, 0])) as Record<TargetStatus, number>;
  for (const s of statuses) counts[s] += 1;
  return counts;
}
