/**
 * How the charts write numbers and changes, without d3, so pages and modules that only format
 * (the outcomes tables) do not pull the scale code into their bundle.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the locale with at most this many decimals ("1,250", "88.5"). */
export function formatNumberIn(value: number, decimals = 1, locale = "en-GB"): string {
  const key = `${locale}|${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format.format(value === 0 ? 0 : value);
}

/** A percentage for a label: "93%", "92.5%" (one decimal at most, none when whole). */
export function formatPercentLabel(value: number, decimals = 1): string {
  return `${formatNumberIn(value, decimals)}%`;
}

/** How a change is written: percentage points, or a plain unit with its singular and plural. */
export type ChangeUnit = "pp" | { one: string; many: string; decimals?: number };

/**
 * A change as the charts label it: "+1.5 pp", "−0.5 pp", "0.0 pp" for percentages (one decimal,
 * the precision outcomes are kept in), "+2 leaders" or "−1.5 days" otherwise. The minus is a true
 * minus sign; a change that rounds to nothing carries no sign.
 */
export function formatChange(delta: number, unit: ChangeUnit): string {
  const decimals = unit === "pp" ? 1 : (unit.decimals ?? 1);
  const rounded = roundTo(delta, decimals);
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "";
  if (unit === "pp") return `${sign}${Math.abs(rounded).toFixed(1)} pp`;
  const size = Math.abs(rounded);
  return `${sign}${formatNumberIn(size, decimals)} ${size === 1 ? unit.one : unit.many}`;
}

/** Rounds halves away from zero, nudged past binary noise (60.575 is stored as 60.57499…). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f + (value >= 0 ? 1e-7 : -1e-7)) / f;
}
