/**
 * The year switcher on school pages: which school year a request asks for (`?year=2025` means
 * 2025-26), and which years a school has data for. Years are passed around as their start year (a
 * number) because that is what the address carries; `schoolYearKey` gives the "2025-26" the
 * database stores.
 */
import type { Database } from "../../../db/client";
import { listSchoolYearsWithData } from "../../../db/queries/school-years";
import { schoolYearOf } from "../../kernel/school-year";

/** The first year anyone can ask for; earlier values are typing mistakes, not history. */
const EARLIEST_YEAR = 2000;

/** The start year of the school year `now` falls in (2025 for 2025-26). */
export function currentSchoolYear(now: Date): number {
  return Number(schoolYearOf(now).slice(0, 4));
}

/** The stored form of a school year: 2025 → "2025-26". */
export function schoolYearKey(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * The school year a request asks for with `?year=YYYY` (its start year), or the current one.
 * Anything else — missing, not four digits, before 2000, or after the current year — quietly means
 * the current year: a hand-edited or stale link still lands on a working page rather than an error,
 * and no page ever treats a future year as "past and read only" or lets writes into it.
 */
export function yearFromRequest(request: Request, now: Date): number {
  const current = currentSchoolYear(now);
  const raw = new URL(request.url).searchParams.get("year");
  if (!raw || !/^\d{4}$/.test(raw)) return current;
  const year = Number(raw);
  return year >= EARLIEST_YEAR && year <= current ? year : current;
}

/** True when `year` is before the current school year: its pages are read only. */
export function isPastSchoolYear(year: number, now: Date): boolean {
  return year < currentSchoolYear(now);
}

/**
 * The years the switcher offers for a school, newest first: every year with a plan or a SIP
 * assignment (visits, records and reports hang off assignments), always including the current year
 * and the one being shown, and never a year after the current one.
 */
export async function schoolYearsFor(db: Database, schoolId: string, now: Date, shown?: number): Promise<number[]> {
  const current = currentSchoolYear(now);
  const withData = (await listSchoolYearsWithData(db, schoolId)).map((y) => Number(y.slice(0, 4)));
  const years = new Set([current, ...(shown === undefined ? [] : [shown]), ...withData]);
  return [...years].filter((y) => y <= current).sort((a, b) => b - a);
}
