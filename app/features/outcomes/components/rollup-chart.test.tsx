import { renderToString } from "react-dom/server";
import { rollupRows, type Rollup } from "../outcomes";
import { RollupChart } from "./rollup-chart";

const rollup = (studentGroup: string, baseline: number, target: number, actual: number, schools = 4): Rollup => ({
  measure: "attendance",
  studentGroup,
  schools,
  visibleSchools: 0,
  baseline,
  target,
  actual,
});

describe("RollupChart", () => {
  const rows = rollupRows(
    [rollup("all", 90, 93, 91.5), rollup("disadvantaged", 88, 92, 89.2), rollup("send", 80, 85, 82, 1)],
    "attendance",
  );
  const html = renderToString(<RollupChart id="cohort-chart" title="Whole cohort: Attendance %" rows={rows} />);

  it("draws attendance on an axis around 88–93 %, with the targets dashed and the change in pp", () => {
    const axis = html.split('data-axis="top"')[1].split("</g></g>")[0];
    const ticks = [...axis.matchAll(/>([\d.]+)%</g)].map((m) => Number(m[1]));
    expect(ticks[0]).toBeGreaterThanOrEqual(85);
    expect(ticks.at(-1)).toBeLessThanOrEqual(95);
    expect(html).toContain("Target 93%");
    expect(html).toContain("Baseline 90%");
    expect(html).toMatch(/data-mark="change">\+1\.5 pp</);
    expect(html).toMatch(/data-mark="change">\+1\.2 pp</);
  });

  it("hides a group whose mean would give a school away, in the picture and the table", () => {
    expect(html).toContain("Hidden: fewer than 2 other schools");
    expect(html).not.toContain("82%");
    expect(html).toContain("Hidden to keep each school&#x27;s figures private");
  });

  it("gives the means and changes as the screen-reader table", () => {
    expect(html).toContain(
      '<div class="sr-only"><table><caption>Whole cohort: Attendance %: means by student group</caption>',
    );
    expect(html).toMatch(
      /<th scope="row">All pupils<\/th><td>4 schools<\/td><td>90.0%<\/td><td>93.0%<\/td><td>91.5%<\/td><td>\+1.5 pp<\/td>/,
    );
  });
});
