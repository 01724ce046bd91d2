import { renderToString } from "react-dom/server";
import { CategoryChart, OutcomeChart } from "./trail-charts";

describe("evidence trail charts", () => {
  it("draws targets and outcomes on an axis scaled to them, a result missing said in words", () => {
    const html = renderToString(
      <OutcomeChart
        id="outcomes-chart"
        title="Outcomes"
        rows={[
          { key: "t", label: "Attendance % · Disadvantaged", baseline: 89.5, target: 93, actual: 91.2, change: 1.7 },
          { key: "o", label: "Cohort: Attendance %", baseline: 88, target: 92, actual: null, change: null },
        ]}
      />,
    );
    expect(html).toContain('data-testid="outcomes-chart"');
    expect(html).not.toMatch(/data-axis="top".*?>0%</);
    expect(html).toContain("Target 93%");
    expect(html).toContain("Baseline 89.5%");
    expect(html).toMatch(/data-mark="change">\+1\.7 pp</);
    expect(html).toContain("No result yet");
    expect(html).toMatch(
      /<th scope="row">Attendance % · Disadvantaged<\/th><td>89.5%<\/td><td>93.0%<\/td><td>91.2%<\/td><td>\+1.7 pp<\/td>/,
    );
  });

  it("draws notes and votes as bars from zero with their counts in words", () => {
    const html = renderToString(
      <CategoryChart
        id="causes-1"
        title="Root causes"
        rows={[
          { category: "skills", label: "Skills", notes: 3, votes: 1 },
          { category: "knowledge", label: "Knowledge", notes: 0, votes: 0 },
        ]}
      />,
    );
    expect(html).toContain("3 notes");
    expect(html).toContain("1 vote");
    expect(html).toContain("0 votes");
    expect(html).toMatch(/data-axis="bottom".*?>0</);
    expect(html).toMatch(/<th scope="row">Skills<\/th><td>3<\/td><td>1<\/td>/);
  });
});
