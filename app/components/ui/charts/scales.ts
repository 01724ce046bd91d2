/**
 * The chart rules as pure functions, shared by every chart (ADR 014): an axis scaled to the data
 * (values, baselines and targets) with padding and round ticks, never stretched to 0–100 % unless
 * the data spans it; changes written in percentage points for percentages and in plain units
 * otherwise. d3-scale does the arithmetic of nice domains and ticks; React draws the SVG.
 */
import { extent } from "d3-array";
import { scaleLinear } from "d3-scale";
import { formatNumberIn } from "./format";

export { formatChange, formatNumberIn, formatPercentLabel, roundTo, type ChangeUnit } from "./format";

export type Domain = readonly [number, number];

/** The bounds percentages live in: an axis never shows −5 % or 105 %. */
export const PERCENT_BOUNDS: Domain = [0, 100];

export type DomainOptions = {
  /** What the axis must also show besides the values: baselines, targets, reference lines. */
  include?: ReadonlyArray<number | null | undefined>;
  /** Values cannot leave this range (0–100 for a percentage), so neither does the axis. */
  bounds?: Domain;
  /** The least span shown, so a flat series or a single point still sits on a readable axis. */
  minSpan?: number;
  /** Padding either side, as a share of the span of the data (default 10 %). */
  padding?: number;
  /** Start at zero: for bars, whose length is the value (a cut bar would lie). */
  zero?: boolean;
  /** About how many ticks the axis should have (default 5). */
  tickCount?: number;
};

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The axis domain for these values: their extent with the included marks, padded, widened to the
 * least span, kept within bounds and rounded outwards to tick values by d3's `nice()`. Missing
 * values (null, NaN) are skipped; with nothing to show the domain is the bounds, or 0–1.
 */
export function niceDomain(values: ReadonlyArray<number | null | undefined>, options: DomainOptions = {}): Domain {
  const { include = [], bounds, padding = 0.1, zero = false, tickCount = 5 } = options;
  const known = [...values, ...include].filter(isFiniteNumber);
  if (zero) known.push(0);
  if (known.length === 0) return bounds ?? [0, 1];
  let [lo, hi] = extent(known) as [number, number];
  const minSpan = options.minSpan ?? defaultMinSpan(lo, hi);
  const pad = (hi - lo) * padding;
  lo = zero && lo === 0 ? 0 : lo - pad;
  hi = zero && hi === 0 ? 0 : hi + pad;
  if (hi - lo < minSpan) {
    const grow = minSpan - (hi - lo);
    if (zero && lo === 0) hi += grow;
    else if (zero && hi === 0) lo -= grow;
    else [lo, hi] = [lo - grow / 2, hi + grow / 2];
  }
  [lo, hi] = within([lo, hi], bounds);
  const [niceLo, niceHi] = scaleLinear().domain([lo, hi]).nice(tickCount).domain();
  return within([niceLo, niceHi], bounds);
}

/** A span of a 25th of the value's size, at least 1: 90 % alone gets an axis of 88–92 %. */
function defaultMinSpan(lo: number, hi: number): number {
  return Math.max(1, Math.abs((lo + hi) / 2) / 25);
}

/** Keeps a domain inside the bounds, sliding it back in before cutting it (so its span survives). */
function within([lo, hi]: Domain, bounds?: Domain): Domain {
  if (!bounds) return [lo, hi];
  const [min, max] = bounds;
  if (lo < min) [lo, hi] = [min, hi + (min - lo)];
  if (hi > max) [lo, hi] = [lo - (hi - max), max];
  return [Math.max(lo, min), Math.min(hi, max)];
}

/** The tick values of a domain (d3's round steps); `integers` drops fractional ticks, for counts. */
export function axisTicks(domain: Domain, count = 5, integers = false): number[] {
  const ticks = scaleLinear().domain(domain).ticks(count);
  return integers ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

/** A linear mapping from the domain onto pixels (a plain function, so components stay simple). */
export function linear(domain: Domain, range: readonly [number, number]): (value: number) => number {
  const scale = scaleLinear().domain(domain).range(range);
  return (value) => scale(value);
}

/** Decimal places the ticks need to differ: 88, 89, 90 need none; 88.5, 89, 89.5 need one. */
export function tickDecimals(ticks: readonly number[]): number {
  if (ticks.length < 2) return 0;
  const step = Math.abs(ticks[1] - ticks[0]);
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
}

/** The first and last known values of a series and the change between them, or null with fewer than two. */
export function seriesChange(
  values: ReadonlyArray<number | null | undefined>,
): { first: number; last: number; firstIndex: number; lastIndex: number; change: number } | null {
  const known = values
    .map((v, i) => [v, i] as const)
    .filter((p): p is readonly [number, number] => isFiniteNumber(p[0]));
  if (known.length < 2) return null;
  const [first, firstIndex] = known[0];
  const [last, lastIndex] = known[known.length - 1];
  return { first, last, firstIndex, lastIndex, change: last - first };
}

/** A time domain (epoch ms) around the instants; one instant gets a fortnight either side. */
export function timeDomain(times: readonly number[], pad = 0.04): Domain {
  const known = times.filter(isFiniteNumber);
  if (known.length === 0) return [0, 1];
  const [lo, hi] = extent(known) as [number, number];
  if (lo === hi) return [lo - 14 * 86_400_000, hi + 14 * 86_400_000];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

/** A tick: where it goes and what it says. */
export type Tick = { value: number; label: string };

/**
 * The ticks of an axis, labelled with as many decimals as their step needs: "88%", "88.5%", "2",
 * "1,200 days". `suffix` follows the number ("%", or " days").
 */
export function labelledTicks(
  domain: Domain,
  {
    count = 5,
    integers = false,
    suffix = "",
    locale,
  }: { count?: number; integers?: boolean; suffix?: string; locale?: string } = {},
): Tick[] {
  const values = axisTicks(domain, count, integers);
  const decimals = tickDecimals(values);
  return values.map((value) => ({ value, label: `${formatNumberIn(value, decimals, locale)}${suffix}` }));
}
