import { renderToString } from "react-dom/server";
import { burnDown } from "../day-budget";
import { BurnDownChart } from "./burn-down-chart";

describe("BurnDownChart", () => {
  it("draws the budget as the labelled baseline, zero as 'budget used up', and the change at today", () => {
    const points = burnDown(5, "2026-09-01", [
      { visitDate: "2026-10-05", days: 1 },
      { visitDate: "2026-11-20", days: 1.5 },
    ]);
    const html = renderToString(
      <BurnDownChart budget={5} used={2.5} points={points} start="2026-09-01" end="2027-08-31" today="2026-12-01" />,
    );
    expect(html).toContain("Budget 5 days");
    expect(html).toContain("Budget used up");
    expect(html).toMatch(/data-mark="last-value">2.5 left</);
    expect(html).toMatch(/data-mark="change">−2\.5 days</);
    expect(html).toContain("1 Sept");
    expect(html.replace(/<!-- -->/g, "")).toContain("2.5 of 5 days used, 2.5 left.");
    expect(html).toContain('<th scope="row">20 November 2026</th><td>2.5</td>');
  });

  it("marks points below zero in red and says over budget in words", () => {
    const points = burnDown(1, "2026-09-01", [{ visitDate: "2026-10-05", days: 1.5 }]);
    const html = renderToString(
      <BurnDownChart budget={1} used={1.5} points={points} start="2026-09-01" end="2027-08-31" today="2026-12-01" />,
    );
    expect(html).toContain("0.5 over budget.");
    expect(html).toContain('fill="#b91c1c"');
  });
});
