/**
 * Session times. Sessions take place in the UK, so a time typed into a form ("2026-10-14T14:00")
 * is London wall-clock time, and times are shown in London time on the server and in the browser
 * alike (the same text on both sides, so hydration never disagrees).
 */
const ZONE = "Europe/London";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** London wall-clock fields of an instant, as if they were UTC (milliseconds). */
function wallClockMs(instant: Date): number {
  const f = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant of a `datetime-local` value read as London time, or null when it is not a valid date and time. */
export function fromLondonLocal(value: string): Date | null {
  const m = LOCAL.exec(value.trim().slice(0, 16));
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // London is UTC or UTC+1: guess, measure the offset there, and correct (twice covers the clock change).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) instant = asUtc - (wallClockMs(new Date(instant)) - instant);
  return new Date(instant);
}

/** An instant as a `datetime-local` value in London time, for a form's default. */
export function toLondonLocal(instant: Date | string): string {
  return new Date(wallClockMs(new Date(instant))).toISOString().slice(0, 16);
}

const longFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: ZONE });
const shortFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: ZONE });

/** "Wednesday 14 October 2026 at 14:00". */
export function formatSessionTime(instant: Date | string): string {
  return longFormat.format(new Date(instant));
}

/** "14 Oct", for chart labels. */
export function formatShortDate(instant: Date | string): string {
  return shortFormat.format(new Date(instant));
}

/** Whether a place is an online meeting link (shown as a link) rather than a room. */
export function isMeetingLink(place: string): boolean {
  return /^https?:\/\//i.test(place.trim());
}
