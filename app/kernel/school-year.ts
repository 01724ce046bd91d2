/** School years: "2026-27" runs from 1 September 2026 to 31 August 2027. */

function label(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The school year a date falls in, as "2026-27" (years start on 1 September). */
export function schoolYearOf(date: Date): string {
  return label(date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1);
}

/** The first and last day of a school year such as "2025-26" (1 September to 31 August). */
export function schoolYearBounds(schoolYear: string): { start: string; end: string } {
  const first = Number(schoolYear.slice(0, 4));
  return { start: `${first}-09-01`, end: `${first + 1}-08-31` };
}

/** The school year before "2025-26": "2024-25". */
export function previousSchoolYear(schoolYear: string): string {
  return label(Number(schoolYear.slice(0, 4)) - 1);
}
