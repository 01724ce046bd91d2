import { formatInstant } from "../../../kernel/dates";
import { ChartFrame } from "../../../components/ui/chart-frame";
import type { Column } from "../../../components/ui/data-table";

type Bar = { id: string; title: string; startsAt: string; present: number; recorded: number };

const HEIGHT = 160;
const BAR = 36;
const GAP = 20;
const TOP = 20;
const BOTTOM = 28;

/**
 * Attendance per past session as SVG bars (present out of the cohort's leaders), with the same
 * figures in a table for screen readers. The SVG itself is hidden from them: the table says it all.
 */
export function AttendanceChart({ sessions, leaderCount }: { sessions: Bar[]; leaderCount: number }) {
  const max = Math.max(leaderCount, 1);
  const width = Math.max(sessions.length * (BAR + GAP) + GAP, 200);
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <ChartFrame
      caption={`Leaders present at each past session, out of ${leaderCount}.`}
      table={{
        caption: "Attendance per session",
        columns: tableColumns(leaderCount),
        rows: sessions,
        rowKey: (s) => s.id,
      }}
    >
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className="h-44 w-full max-w-xl"
        preserveAspectRatio="xMinYMid meet"
        aria-hidden="true"
        focusable="false"
      >
        <line x1={0} x2={width} y1={TOP + plot} y2={TOP + plot} className="stroke-slate-400" />
        {sessions.map((s, i) => {
          const h = s.recorded ? Math.round((s.present / max) * plot) : 0;
          const x = GAP + i * (BAR + GAP);
          return (
            <g key={s.id}>
              <rect x={x} y={TOP + plot - h} width={BAR} height={h} rx={3} className="fill-brand-700" />
              <text x={x + BAR / 2} y={TOP + plot - h - 4} textAnchor="middle" fontSize={11} className="fill-slate-900">
                {s.recorded ? s.present : "–"}
              </text>
              <text x={x + BAR / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={11} className="fill-slate-700">
                {formatInstant(s.startsAt, "day-month")}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

function tableColumns(leaderCount: number): Column<Bar>[] {
  return [
    {
      key: "session",
      header: "Session",
      rowHeader: true,
      cell: (s) => `${s.title} (${formatInstant(s.startsAt, "day-month")})`,
    },
    { key: "present", header: "Present", cell: (s) => (s.recorded ? `${s.present} of ${leaderCount}` : "not taken") },
  ];
}
