import {
  axisTicks,
  formatChange,
  formatPercentLabel,
  linear,
  niceDomain,
  PERCENT_BOUNDS,
  roundTo,
  seriesChange,
  tickDecimals,
  timeDomain,
} from "./scales";

describe("niceDomain", () => {
  it("scales an 88–92 % series to the data, not to 0–100 %", () => {
    const domain = niceDomain([88, 89.5, 90.5], { include: [92], bounds: PERCENT_BOUNDS });
    expect(domain).toEqual([87, 93]);
    expect(axisTicks(domain)[0]).toBe(87);
  });

  it("includes the baseline and the target even when they lie outside the values", () => {
    const [lo, hi] = niceDomain([90, 91], { include: [80, 95] });
    expect(lo).toBeLessThanOrEqual(80);
    expect(hi).toBeGreaterThanOrEqual(95);
    expect(lo).toBeGreaterThan(70); // padded, not stretched
  });

  it("pads the data so no point sits on the frame", () => {
    const [lo, hi] = niceDomain([10, 20]);
    expect(lo).toBeLessThan(10);
    expect(hi).toBeGreaterThan(20);
  });

  it("shows 0–100 % only when the data spans it, and never goes beyond", () => {
    expect(niceDomain([3, 97], { bounds: PERCENT_BOUNDS })).toEqual([0, 100]);
    const [lo, hi] = niceDomain([96, 99.5], { bounds: PERCENT_BOUNDS });
    expect(hi).toBe(100);
    expect(lo).toBeGreaterThan(50);
  });

  it("gives a flat series and a single point a readable span around the value", () => {
    const flat = niceDomain([90, 90, 90], { bounds: PERCENT_BOUNDS });
    expect(flat[0]).toBeLessThan(90);
    expect(flat[1]).toBeGreaterThan(90);
    expect(flat).toEqual([88, 92]);
    const one = niceDomain([12], { minSpan: 4 });
    expect(one[0]).toBeLessThanOrEqual(10);
    expect(one[1]).toBeGreaterThanOrEqual(14);
    // A flat 100 % slides down inside the bounds instead of losing its span.
    const full = niceDomain([100], { bounds: PERCENT_BOUNDS });
    expect(full[1]).toBe(100);
    expect(full[0]).toBeLessThanOrEqual(96);
  });

  it("skips missing values, and falls back to the bounds with nothing to show", () => {
    expect(niceDomain([null, 88, undefined, Number.NaN, 92])).toEqual(niceDomain([88, 92]));
    expect(niceDomain([null], { bounds: PERCENT_BOUNDS })).toEqual([0, 100]);
    expect(niceDomain([])).toEqual([0, 1]);
  });

  it("starts bars at zero, padding only the far end", () => {
    const [lo, hi] = niceDomain([3, 7], { zero: true });
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(7);
    expect(niceDomain([-1.5, 5], { zero: true })[0]).toBeLessThan(-1.5);
  });
});

describe("ticks and labels", () => {
  it("gives round ticks, integers only for counts", () => {
    expect(axisTicks([87, 93])).toEqual([87, 88, 89, 90, 91, 92, 93]);
    expect(axisTicks([0, 3], 10, true)).toEqual([0, 1, 2, 3]);
    expect(tickDecimals([88, 89])).toBe(0);
    expect(tickDecimals([88, 88.5, 89])).toBe(1);
    expect(tickDecimals([0.1, 0.15])).toBe(2);
  });

  it("writes percentages briefly", () => {
    expect(formatPercentLabel(93)).toBe("93%");
    expect(formatPercentLabel(92.5)).toBe("92.5%");
    expect(formatPercentLabel(88.04)).toBe("88%");
  });

  it("maps the domain onto pixels", () => {
    const x = linear([87, 93], [0, 600]);
    expect(x(87)).toBe(0);
    expect(x(90)).toBe(300);
  });
});

describe("formatChange", () => {
  it("labels a percentage change in percentage points, one decimal, with a true minus", () => {
    expect(formatChange(1.5, "pp")).toBe("+1.5 pp");
    expect(formatChange(90.5 - 88, "pp")).toBe("+2.5 pp");
    expect(formatChange(-2.6, "pp")).toBe("−2.6 pp");
    expect(formatChange(0, "pp")).toBe("0.0 pp");
    expect(formatChange(-0.04, "pp")).toBe("0.0 pp"); // rounds to nothing: no sign
    expect(formatChange(60.575 - 60, "pp")).toBe("+0.6 pp"); // halves away from zero despite binary noise
  });

  it("labels other changes in their own units", () => {
    const leaders = { one: "leader", many: "leaders", decimals: 0 };
    expect(formatChange(2, leaders)).toBe("+2 leaders");
    expect(formatChange(-1, leaders)).toBe("−1 leader");
    expect(formatChange(-1.5, { one: "day", many: "days" })).toBe("−1.5 days");
  });

  it("rounds halves away from zero", () => {
    expect(roundTo(0.25, 1)).toBe(0.3);
    expect(roundTo(-0.25, 1)).toBe(-0.3);
  });
});

describe("seriesChange", () => {
  it("measures from the first known value to the last, skipping gaps", () => {
    expect(seriesChange([null, 88, null, 89.5, null])).toEqual({
      first: 88,
      last: 89.5,
      firstIndex: 1,
      lastIndex: 3,
      change: 1.5,
    });
  });

  it("has no change with one point or none", () => {
    expect(seriesChange([90])).toBeNull();
    expect(seriesChange([null, null])).toBeNull();
  });
});

describe("timeDomain", () => {
  it("pads a span of dates and gives one date a fortnight either side", () => {
    const t = Date.parse("2026-10-14T00:00:00Z");
    expect(timeDomain([t])).toEqual([t - 14 * 86_400_000, t + 14 * 86_400_000]);
    const [lo, hi] = timeDomain([t, t + 100]);
    expect(lo).toBeLessThan(t);
    expect(hi).toBeGreaterThan(t + 100);
  });
});
