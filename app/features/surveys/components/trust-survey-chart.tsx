import {
  facetLabels,
  roundLabels,
  scaleLabels,
  type FacetResult,
  type SurveyRound,
  type TrustFacet,
} from "../trust-survey";
import { ChartFrame } from "../../../components/ui/chart-frame";
import type { Column } from "../../../components/ui/data-table";

export type RoundResults = { round: SurveyRound; responses: number; facets: FacetResult[] };

/** From "Strongly disagree" (orange) to "Strongly agree" (dark blue), told apart by lightness too. */
const scaleColours = ["#b45309", "#f59e0b", "#cbd5e1", "#60a5fa", "#1d4ed8"];
const roundMarks: Record<SurveyRound, { colour: string; shape: "circle" | "square" | "diamond" }> = {
  start: { colour: "#64748b", shape: "circle" },
  mid: { colour: "#0f766e", shape: "square" },
  end: { colour: "#1d4ed8", shape: "diamond" },
};

const LABEL_W = 190;
const BAR_W = 440;
const MEAN_W = 70;
const ROW_H = 22;
const GAP = 14;

/**
 * The survey results as two SVG charts — how people answered each facet, round by round, and the
 * mean per facet by round — each with a table of the same numbers one click away.
 */
export function TrustSurveyCharts({ rounds }: { rounds: RoundResults[] }) {
  return (
    <div className="space-y-8">
      <DistributionChart rounds={rounds} />
      <MeanChart rounds={rounds} />
    </div>
  );
}

function DistributionChart({ rounds }: { rounds: RoundResults[] }) {
  const facets = rounds[0].facets.map((f) => f.facet);
  const groupH = rounds.length * ROW_H + GAP;
  const height = 30 + facets.length * groupH;
  return (
    <ChartFrame
      id="distribution"
      title={
        <>How leaders answered, facet by facet ({rounds.map((r) => roundLabels[r.round].toLowerCase()).join(", ")})</>
      }
      legend={
        <ul className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700" aria-label="Colour key">
          {scaleLabels.map((label, i) => (
            <li key={label} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-3 rounded-sm"
                style={{ background: scaleColours[i] }}
              />
              {label}
            </li>
          ))}
        </ul>
      }
      table={{
        caption: "Answers per facet and round: number of answers on each point of the scale, and the mean",
        columns: numberColumns,
        rows: rounds[0].facets.flatMap((f) =>
          rounds.map((r) => ({ facet: f.facet, round: r.round, result: r.facets.find((x) => x.facet === f.facet)! })),
        ),
        rowKey: (row) => `${row.facet}-${row.round}`,
      }}
      tableDisplay="details"
    >
      <svg
        viewBox={`0 0 ${LABEL_W + BAR_W + MEAN_W} ${height}`}
        className="mt-2 w-full max-w-3xl"
        role="img"
        aria-label="Stacked bars of answers per facet and round; the same numbers are in the table below."
      >
        <text x={LABEL_W + BAR_W + 8} y={16} fontSize="12" fill="#334155">
          Mean
        </text>
        {facets.map((facet, fi) => (
          <g key={facet} transform={`translate(0, ${24 + fi * groupH})`}>
            {rounds.map((r, ri) => {
              const result = r.facets.find((f) => f.facet === facet)!;
              let x = LABEL_W;
              return (
                <g key={r.round} transform={`translate(0, ${ri * ROW_H})`}>
                  <text x={0} y={15} fontSize="12" fill="#0f172a" fontWeight={ri === 0 ? 600 : 400}>
                    {ri === 0 ? facetLabels[facet] : ""}
                  </text>
                  <text x={LABEL_W - 6} y={15} fontSize="11" fill="#475569" textAnchor="end">
                    {roundLabels[r.round]}
                  </text>
                  {result.distribution.map((n, i) => {
                    const w = result.total ? (n / result.total) * BAR_W : 0;
                    const rect = <rect key={i} x={x} y={2} width={w} height={ROW_H - 6} fill={scaleColours[i]} />;
                    x += w;
                    return rect;
                  })}
                  <text x={LABEL_W + BAR_W + 8} y={15} fontSize="12" fill="#0f172a">
                    {result.mean?.toFixed(1) ?? "–"}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}

function Mark({ round, cx, cy }: { round: SurveyRound; cx: number; cy: number }) {
  const { colour, shape } = roundMarks[round];
  if (shape === "circle") return <circle cx={cx} cy={cy} r={6} fill={colour} />;
  if (shape === "square") return <rect x={cx - 5.5} y={cy - 5.5} width={11} height={11} fill={colour} />;
  return <path d={`M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`} fill={colour} />;
}

function MeanChart({ rounds }: { rounds: RoundResults[] }) {
  const facets = rounds[0].facets.map((f) => f.facet);
  const xOf = (v: number) => LABEL_W + ((v - 1) / 4) * (BAR_W - 20) + 10;
  const height = 40 + facets.length * 30;
  return (
    <ChartFrame
      id="mean"
      title="Mean by round, from 1 (strongly disagree) to 5 (strongly agree)"
      legend={
        <ul className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700" aria-label="Rounds">
          {rounds.map((r) => (
            <li key={r.round} className="flex items-center gap-1">
              <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
                <Mark round={r.round} cx={8} cy={8} />
              </svg>
              {roundLabels[r.round]} ({r.responses} responses)
            </li>
          ))}
        </ul>
      }
    >
      <svg
        viewBox={`0 0 ${LABEL_W + BAR_W + MEAN_W} ${height}`}
        className="mt-2 w-full max-w-3xl"
        role="img"
        aria-label="Mean per facet for each round; the same numbers are in the table above."
      >
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={xOf(v)} x2={xOf(v)} y1={10} y2={height - 20} stroke="#e2e8f0" />
            <text x={xOf(v)} y={height - 4} fontSize="11" fill="#475569" textAnchor="middle">
              {v}
            </text>
          </g>
        ))}
        {facets.map((facet: TrustFacet, fi) => {
          const y = 26 + fi * 30;
          const means = rounds.map((r) => ({ round: r.round, mean: r.facets.find((f) => f.facet === facet)!.mean }));
          const points = means.filter((m) => m.mean !== null).map((m) => `${xOf(m.mean!)},${y}`);
          return (
            <g key={facet}>
              <text x={0} y={y + 4} fontSize="12" fill="#0f172a">
                {facetLabels[facet]}
              </text>
              {points.length > 1 ? (
                <polyline points={points.join(" ")} fill="none" stroke="#94a3b8" strokeWidth={2} />
              ) : null}
              {means.map((m) =>
                m.mean === null ? null : <Mark key={m.round} round={m.round} cx={xOf(m.mean)} cy={y} />,
              )}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

type NumbersRow = { facet: TrustFacet; round: SurveyRound; result: FacetResult };

const numberColumns: Column<NumbersRow>[] = [
  { key: "facet", header: "Facet", rowHeader: true, cell: (row) => facetLabels[row.facet] },
  { key: "round", header: "Round", cell: (row) => roundLabels[row.round] },
  ...scaleLabels.map((label, i): Column<NumbersRow> => ({
    key: label,
    header: label,
    cell: (row) => row.result.distribution[i],
  })),
  { key: "mean", header: "Mean", cell: (row) => row.result.mean?.toFixed(1) ?? "–" },
];
