import { renderToString } from "react-dom/server";
import { DateContextProvider } from "../../../components/date-context";
import { AttendanceChart } from "./attendance-chart";

const sessions = [
  { id: "a", title: "September", startsAt: "2026-09-16T15:00:00Z", present: 11, recorded: 12 },
  { id: "b", title: "October", startsAt: "2026-10-14T15:00:00Z", present: 0, recorded: 0 },
  { id: "c", title: "November", startsAt: "2026-11-11T15:00:00Z", present: 13, recorded: 14 },
];

describe("AttendanceChart", () => {
  it("plots leaders present on an axis scaled to the counts, with the change and 'all leaders' line", () => {
    const html = renderToString(<AttendanceChart sessions={sessions} leaderCount={15} />);
    const left = html.split('data-axis="left"')[1].split("</g></g>")[0];
    const ticks = [...left.matchAll(/>(\d+)</g)].map((m) => Number(m[1]));
    expect(ticks[0]).toBeGreaterThan(0);
    expect(ticks.at(-1)).toBe(15);
    expect(html).toContain("Start 11 of 15");
    expect(html).toContain("All 15 leaders");
    expect(html).toMatch(/data-mark="change">\+2 leaders</);
    expect(html).toContain("not taken");
    expect(html).toContain("16 Sept"); // en-GB by default
    expect(html).toContain('<th scope="row">November (11 Nov)</th><td>13 of 15</td>');
  });

  it("writes the dates in the authority's locale", () => {
    const html = renderToString(
      <DateContextProvider value={{ locale: "en-US", timeZone: "America/New_York" }}>
        <AttendanceChart sessions={sessions} leaderCount={15} />
      </DateContextProvider>,
    );
    expect(html).toContain("Sep 16");
    expect(html).toContain("November (Nov 11)");
  });
});
