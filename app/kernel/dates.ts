/**
 * Dates and times, in one place: shown and read in the authority's time zone and locale, the same
 * text on the server and in the browser (so hydration never disagrees). Formatters are made once
 * per locale, zone and style, and reused.
 */
import type { Terminology } from "./terminology";

/** Where and how dates are shown: the authority's locale and its time zone. */
export type DateContext = { locale: Terminology; timeZone: string };

/** An authority's context until it chooses otherwise, and the context of anyone signed out. */
export const defaultDateContext: DateContext = { locale: "en-GB", timeZone: "Europe/London" };

/** Whether a name is an IANA time zone this runtime knows (an unknown zone would throw when formatting). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The date context of an authority: its terminology is its locale, its time zone its zone. A zone
 * the runtime does not know falls back to the default rather than breaking every page.
 */
export function dateContextFor(authority?: { terminology: Terminology; timeZone?: string | null } | null): DateContext {
  const zone = authority?.timeZone;
  return {
    locale: authority?.terminology ?? defaultDateContext.locale,
    timeZone: zone && isKnownTimeZone(zone) ? zone : defaultDateContext.timeZone,
  };
}

const styles = {
  /** "Wednesday, 14 October 2026 at 14:00" */
  "weekday-date-time": {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  },
  /** "14 October 2026 at 14:00" */
  "date-time": { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
  /** "14 October 2026" */
  date: { day: "numeric", month: "long", year: "numeric" },
  /** "14 Oct 2026" */
  "short-date": { day: "numeric", month: "short", year: "numeric" },
  /** "14 Oct", for chart labels */
  "day-month": { day: "numeric", month: "short" },
  /** "14:00" */
  time: { hour: "2-digit", minute: "2-digit" },
  /** "14 Oct 2026, 14:00" */
  "medium-date-time": { dateStyle: "medium", timeStyle: "short" },
  /** "14 Oct 2026, 14:00:05" */
  "medium-date-time-seconds": { dateStyle: "medium", timeStyle: "medium" },
  /** "14 October 2026 at 14:00" (dateStyle) */
  "long-date-time": { dateStyle: "long", timeStyle: "short" },
  /** Numeric wall-clock fields, for reading and writing `datetime-local` values. */
  parts: { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = Exclude<keyof typeof styles, "parts">;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a style in this context, made on first use and kept. */
export function dateFormatter(ctx: DateContext, style: keyof typeof styles): Intl.DateTimeFormat {
  const key = `${ctx.locale}|${ctx.timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(ctx.locale, { ...styles[style], timeZone: ctx.timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** An instant as text in the context's zone and locale. */
export function formatInstant(instant: Date | string, style: DateStyle, ctx: DateContext = defaultDateContext): string {
  return dateFormatter(ctx, style).format(new Date(instant));
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a calendar date ("2026-10-14") rather than an instant. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === "string" && CALENDAR_DATE.test(value);
}

/** A calendar date ("2025-10-14") as text; it carries no time zone, so it is read and shown as UTC. */
export function formatCalendarDate(date: string, style: DateStyle, ctx: DateContext = defaultDateContext): string {
  return formatInstant(`${date}T00:00:00Z`, style, { ...ctx, timeZone: "UTC" });
}

/** A calendar date or an instant, whichever the value is. */
export function formatDay(value: Date | string, style: DateStyle, ctx: DateContext = defaultDateContext): string {
  return isCalendarDate(value) ? formatCalendarDate(value, style, ctx) : formatInstant(value, style, ctx);
}

/** Wall-clock fields of an instant in the context's zone, as if they were UTC (milliseconds). */
function wallClockMs(instant: Date, ctx: DateContext): number {
  const f = Object.fromEntries(
    dateFormatter(ctx, "parts")
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant of a `datetime-local` value read in the context's zone, or null when it is not a valid date and time. */
export function fromLocalInput(value: string, ctx: DateContext = defaultDateContext): Date | null {
  const m = LOCAL.exec(value.trim().slice(0, 16));
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Guess, measure the zone's offset there, and correct (twice covers a clock change).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) instant = asUtc - (wallClockMs(new Date(instant), ctx) - instant);
  return new Date(instant);
}

/** An instant as a `datetime-local` value in the context's zone, for a form's default. */
export function toLocalInput(instant: Date | string, ctx: DateContext = defaultDateContext): string {
  return new Date(wallClockMs(new Date(instant), ctx)).toISOString().slice(0, 16);
}

/** Today's date in the context's zone as "YYYY-MM-DD" (e.g. the default date of a new visit). */
export function todayIn(ctx: DateContext = defaultDateContext, now = new Date()): string {
  return new Date(wallClockMs(now, ctx)).toISOString().slice(0, 10);
}

/** The IANA time zones an authority may choose: the runtime's own list, so every choice can be formatted. */
export function supportedTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
