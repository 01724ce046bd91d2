/**
 * Day-budget maths for a SIP's time at a school: half-day steps, what is used and left, whether a
 * new entry would overspend, and the burn-down series. Pure, shared by the browser and the server.
 */

/** Time is logged in half days: 0.5, 1, 1.5 … */
export function isHalfDayStep(days: number): boolean {
  return Number.isFinite(days) && days > 0 && Number.isInteger(days * 2);
}

/** Days as a person says them: "1 day", "2.5 days", "half a day". */
export function formatDays(days: number): string {
  if (days === 0.5) return "half a day";
  return `${formatNumber(days)} ${days === 1 ? "day" : "days"}`;
}

/** A number of days without float noise or a needless ".0". */
export function formatNumber(days: number): string {
  return String(Math.round(days * 10) / 10);
}

/** Used and remaining days of a budget (remaining goes negative once overspent). */
export function budgetSummary(budget: number, visits: ReadonlyArray<{ days: number }>) {
  const used = visits.reduce((sum, v) => sum + v.days, 0);
  return { budget, used, remaining: budget - used, overspent: used > budget };
}

/** Whether logging `days` more would take the school past its budget. */
export function wouldOverspend(budget: number, used: number, days: number): boolean {
  // Half days are exact in binary floating point, so a plain comparison is safe.
  return used + days > budget;
}

/** "3.5 of 5 days used". */
export function usedSentence(budget: number, used: number): string {
  return `${formatNumber(used)} of ${formatNumber(budget)} ${budget === 1 ? "day" : "days"} used`;
}

export type BurnDownPoint = { date: string; remaining: number };

/**
 * Days remaining over the year: the full budget on the first day, then one step per date on which
 * time was logged (several entries on one date make one step). Dates are ISO "YYYY-MM-DD".
 */
export function burnDown(
  budget: number,
  start: string,
  visits: ReadonlyArray<{ visitDate: string; days: number }>,
): BurnDownPoint[] {
  const byDate = new Map<string, number>();
  for (const v of visits) byDate.set(v.visitDate, (byDate.get(v.visitDate) ?? 0) + v.days);
  const points: BurnDownPoint[] = [{ date: start, remaining: budget }];
  let remaining = budget;
  for (const date of [...byDate.keys()].sort()) {
    remaining -= byDate.get(date)!;
    if (date === start) points[0].remaining = remaining;
    else points.push({ date, remaining });
  }
  return points;
}
