const long = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2025-10-14" as "14 October 2025" (calendar dates carry no time zone, so they are read as UTC). */
export function formatVisitDate(date: string): string {
  return long.format(new Date(`${date}T00:00:00Z`));
}

/** Today's date in England as "YYYY-MM-DD": the default date of a new visit. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
