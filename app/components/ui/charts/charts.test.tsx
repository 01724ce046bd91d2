import { renderToString } from "react-dom/server";
import { ChartFrame } from "../chart-frame";
import { BarChart } from "./bar-chart";
import { ChangeChart, ChangeLegend } from "./change-chart";
import { wrapLabel } from "./chart-svg";
import { LineChart } from "./line-chart";

/** The tick labels of one axis, in order. */
function tickLabels(html: string, orient: "top" | "bottom" | "left"): string[] {
  const axis = html.split(`data-axis="${orient}"`)[1]?.split("</g></g>")[0] ?? "";
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe("ChangeChart", () => {
  const html = renderToString(
    <ChartFrame
      id="att"
      title="Attendance %"
      legend={<ChangeLegend />}
      table={{
        caption: "Attendance by group",
        columns: [
          { key: "g", header: "Group", rowHeader: true, cell: (r: { g: string }) => r.g },
          { key: "c", header: "Change", cell: () => "+1.5 pp" },
        ],
        rows: [{ g: "All pupils" }],
        rowKey: (r) => r.g,
      }}
    >
      <ChangeChart
        testId="att-svg"
        rows={[
          { key: "all", label: "All pupils", detail: "4 schools", baseline: 88, target: 93, actual: 89.5 },
          { key: "send", label: "SEND", baseline: 90, target: 92, actual: 91.2 },
          { key: "eal", label: "EAL", note: "Hidden: too few schools" },
        ]}
      />
    </ChartFrame>,
  );

  it("scales the axis to 88–93 %, not from 0", () => {
    const ticks = tickLabels(html, "top");
    expect(ticks[0]).not.toBe("0%");
    expect(ticks[0]).toBe("87%");
    expect(ticks.at(-1)).toBe("94%");
    expect(ticks).toContain("90%");
  });

  it("draws each target as a dashed line labelled with its value", () => {
    expect(html).toMatch(/data-mark="target"><line[^>]*stroke-dasharray="6 4"/);
    expect(html).toContain("Target 93%");
    expect(html).toContain("Target 92%");
  });

  it("labels the baseline and writes the change in percentage points at the end", () => {
    expect(html).toContain("Baseline 88%");
    expect(html).toMatch(/data-mark="change">\+1\.5 pp</);
    expect(html).toMatch(/data-mark="change">\+1\.2 pp</);
    expect(html).toContain("88.0% → 89.5%");
  });

  it("writes a note instead of the marks of a hidden row, and names each row", () => {
    expect(html).toContain("Hidden: too few schools");
    expect(html).toContain("4 schools");
    expect(html.match(/data-mark="change-band"/g)).toHaveLength(2);
  });

  it("keeps the picture from screen readers and gives them the table", () => {
    expect(html).toContain('<svg viewBox="0 0 680');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"[^>]*data-testid="att-svg"/);
    expect(html).toContain('<div class="sr-only"><table><caption>Attendance by group</caption>');
    expect(html).toContain('<th scope="row">All pupils</th><td>+1.5 pp</td>');
  });

  it("writes that a row has no result yet, with its baseline still drawn", () => {
    const one = renderToString(
      <ChangeChart rows={[{ key: "a", label: "Reading", baseline: 62.3, target: 70, actual: null }]} />,
    );
    expect(one).toContain("No result yet");
    expect(one).toContain("Baseline 62.3%");
    expect(one).toContain("Target 70%");
    expect(one).not.toContain("change-band");
  });
});

describe("LineChart", () => {
  const points = [
    { key: "a", at: day("2026-09-10"), value: 88 },
    { key: "b", at: day("2026-10-10"), value: null },
    { key: "c", at: day("2026-11-10"), value: 89 },
    { key: "d", at: day("2026-12-10"), value: 89.5 },
  ];
  const html = renderToString(
    <LineChart
      points={points}
      xTicks={points.map((p) => ({ at: p.at, label: new Date(p.at).toISOString().slice(5, 10) }))}
      format={(v) => `${v}%`}
      suffix="%"
      changeUnit="pp"
      bounds={[0, 100]}
      target={{ value: 92, label: "Target 92%" }}
      missingLabel="not taken"
    />,
  );

  it("scales the value axis to the data and the target, not from 0", () => {
    const ticks = tickLabels(html, "left");
    expect(ticks[0]).not.toBe("0%");
    expect(Number.parseFloat(ticks[0])).toBeGreaterThanOrEqual(87);
    expect(Number.parseFloat(ticks.at(-1)!)).toBeGreaterThanOrEqual(92);
  });

  it("labels the starting value, the target and the change at the last point", () => {
    expect(html).toContain("Start 88%");
    expect(html).toMatch(/data-mark="baseline"><line[^>]*stroke-dasharray="2 3"/);
    expect(html).toMatch(/data-mark="target"><line[^>]*stroke-dasharray="6 4"/);
    expect(html).toContain("Target 92%");
    expect(html).toMatch(/data-mark="last-value">89.5%</);
    expect(html).toMatch(/data-mark="change">\+1\.5 pp</);
  });

  it("breaks the line at a missing value and says so on the axis", () => {
    const d = html.match(/<path d="([^"]*)" fill="none"/)![1];
    expect(d.match(/M/g)).toHaveLength(2);
    expect(html).toContain("not taken");
    expect(tickLabels(html, "bottom")).toEqual(["09-10", "10-10", "11-10", "12-10"]);
  });

  it("draws one point without a change, on an axis around it", () => {
    const one = renderToString(
      <LineChart
        points={[{ key: "a", at: day("2026-09-10"), value: 12 }]}
        xTicks={[]}
        format={(v) => String(v)}
        changeUnit={{ one: "leader", many: "leaders", decimals: 0 }}
        integers
        minSpan={4}
      />,
    );
    expect(one).not.toContain('data-mark="change"');
    const ticks = tickLabels(one, "left").map(Number);
    expect(ticks[0]).toBeLessThan(12);
    expect(ticks.at(-1)).toBeGreaterThan(12);
    expect(ticks.every(Number.isInteger)).toBe(true);
  });

  it("writes changes in plain units for counts, and carries a step line on to today", () => {
    const steps = renderToString(
      <LineChart
        points={[
          { key: "a", at: day("2026-09-01"), value: 5 },
          { key: "b", at: day("2026-10-01"), value: 3.5 },
        ]}
        xDomain={[day("2026-09-01"), day("2027-09-01")]}
        xTicks={[]}
        format={(v) => `${v} left`}
        changeUnit={{ one: "day", many: "days" }}
        step
        until={day("2027-01-01")}
        include={[0]}
      />,
    );
    expect(steps).toMatch(/data-mark="change">−1\.5 days</);
    const d = steps.match(/<path d="([^"]*)" fill="none"/)![1];
    expect(d).toMatch(/^M [\d.]+ [\d.]+ H [\d.]+ V [\d.]+ H [\d.]+$/);
    expect(tickLabels(steps, "left")).toContain("0"); // the included zero, padded below so it is not the frame
  });
});

describe("BarChart", () => {
  it("starts bars at zero and writes each bar's figure at its end", () => {
    const html = renderToString(
      <BarChart
        rows={[
          { id: "a", name: "Reading", n: 3 },
          { id: "b", name: "Protocol", n: 5 },
        ]}
        rowKey={(r) => r.id}
        rowLabel={(r) => r.name}
        max={6}
        series={[{ key: "n", label: "Done", colour: "#185a4a", value: (r) => r.n, text: (r) => `${r.n} of 6` }]}
      />,
    );
    const ticks = tickLabels(html, "bottom");
    expect(ticks[0]).toBe("0");
    expect(ticks.at(-1)).toBe("6");
    expect(html).toContain("3 of 6");
    expect(html).toContain("5 of 6");
  });
});

describe("wrapLabel", () => {
  it("wraps a long name onto two lines and cuts the rest", () => {
    expect(wrapLabel("All pupils")).toEqual(["All pupils"]);
    expect(wrapLabel("Disadvantaged (pupil premium)")).toEqual(["Disadvantaged (pupil", "premium)"]);
    const long = wrapLabel("Reading, writing and maths combined at expected standard, all pupils");
    expect(long).toHaveLength(2);
    expect(long[1].endsWith("…")).toBe(true);
  });
});
