import { formatInstant, type DateContext } from "../../../kernel/dates";
import { useDateContext } from "../../../components/date-context";
import { ChartFrame } from "../../../components/ui/chart-frame";
import { ChartLegend, legendMarks, LineChart, palette } from "../../../components/ui/charts";
import type { Column } from "../../../components/ui/data-table";

type Bar = { id: string; title: string; startsAt: string; present: number; recorded: number };

const leaders = { one: "leader", many: "leaders", decimals: 0 };

/**
 * Leaders present at each past session as a line over time (ADR 014): the axis is scaled to the
 * counts (never stretched from zero), the first session is the baseline, "all the leaders" is the
 * dashed line to reach, and the last session's count and its change are written at its end.
 * Sessions without attendance taken break the line. The table says the same for screen readers.
 */
export function AttendanceChart({ sessions, leaderCount }: { sessions: Bar[]; leaderCount: number }) {
  const ctx = useDateContext();
  // Every session's date when they fit; every second or third one when there are many.
  const every = Math.ceil(sessions.length / 8);
  return (
    <ChartFrame
      caption={`Leaders present at each past session, out of ${leaderCount}.`}
      legend={
        <ChartLegend
          entries={[
            { label: "Leaders present", mark: legendMarks.line(palette.actual) },
            { label: "First session", mark: legendMarks.baselineAcross },
            { label: "All leaders", mark: legendMarks.targetAcross },
          ]}
        />
      }
      table={{
        caption: "Attendance per session",
        columns: tableColumns(leaderCount, ctx),
        rows: sessions,
        rowKey: (s) => s.id,
      }}
    >
      <LineChart
        testId="attendance-chart"
        points={sessions.map((s) => ({ key: s.id, at: Date.parse(s.startsAt), value: s.recorded ? s.present : null }))}
        xTicks={sessions
          .filter((_, i) => i % every === 0)
          .map((s) => ({ at: Date.parse(s.startsAt), label: formatInstant(s.startsAt, "day-month", ctx) }))}
        format={(v) => `${v} of ${leaderCount}`}
        changeUnit={leaders}
        integers
        minSpan={4}
        bounds={[0, Math.max(leaderCount, 1)]}
        target={leaderCount > 0 ? { value: leaderCount, label: `All ${leaderCount} leaders` } : null}
        missingLabel="not taken"
        height={200}
        width={460}
      />
    </ChartFrame>
  );
}

function tableColumns(leaderCount: number, ctx: DateContext): Column<Bar>[] {
  return [
    {
      key: "session",
      header: "Session",
      rowHeader: true,
      cell: (s) => `${s.title} (${formatInstant(s.startsAt, "day-month", ctx)})`,
    },
    { key: "present", header: "Present", cell: (s) => (s.recorded ? `${s.present} of ${leaderCount}` : "not taken") },
  ];
}
