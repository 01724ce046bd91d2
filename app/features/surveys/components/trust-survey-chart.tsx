import {
  facetLabels,
  roundLabels,
  scaleLabels,
  type FacetResult,
  type SurveyRound,
  type TrustFacet,
} from "../trust-survey";
import { ChartFrame } from "../../../components/ui/chart-frame";
import {
  Axis,
  ChangeText,
  formatChange,
  formatNumberIn,
  labelledTicks,
  linear,
  Marker,
  niceDomain,
  palette,
  seriesChange,
  type MarkerShape,
} from "../../../components/ui/charts";
import type { Column } from "../../../components/ui/data-table";

export type RoundResults = { round: SurveyRound; responses: number; facets: FacetResult[] };

/** From "Strongly disagree" (orange) to "Strongly agree" (dark blue), told apart by lightness too. */
const scaleColours = ["#b45309", "#f59e0b", "#cbd5e1", "#60a5fa", "#1d4ed8"];
/** The count written inside each segment, dark or white for contrast with its colour. */
const scaleInk = ["#ffffff", "#0f172a", "#0f172a", "#0f172a", "#ffffff"];
const roundMarks: Record<SurveyRound, { colour: string; shape: MarkerShape }> = {
  start: { colour: "#64748b", shape: "circle" },
  mid: { colour: "#0f766e", shape: "square" },
  end: { colour: "#1d4ed8", shape: "diamond" },
};

const LABEL_W = 190;
const BAR_W = 420;
const MEAN_W = 90;
const points = { one: "point", many: "points", decimals: 1 };
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
  const height = 50 + facets.length * groupH;
  // A share of the answers: the whole bar is everyone, so this axis is 0–100 % by nature.
  const x = linear([0, 100], [LABEL_W, LABEL_W + BAR_W]);
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
        <Axis
          orient="bottom"
          ticks={labelledTicks([0, 100], { suffix: "%" })}
          position={x}
          at={height - 22}
          grid={[22, height - 22]}
        />
        {facets.map((facet, fi) => (
          <g key={facet} transform={`translate(0, ${24 + fi * groupH})`}>
            {rounds.map((r, ri) => {
              const result = r.facets.find((f) => f.facet === facet)!;
              let before = 0;
              return (
                <g key={r.round} transform={`translate(0, ${ri * ROW_H})`}>
                  <text x={0} y={15} fontSize="12" fill="#0f172a" fontWeight={ri === 0 ? 600 : 400}>
                    {ri === 0 ? facetLabels[facet] : ""}
                  </text>
                  <text x={LABEL_W - 6} y={15} fontSize="11" fill="#475569" textAnchor="end">
                    {roundLabels[r.round]}
                  </text>
                  {result.distribution.map((n, i) => {
                    const from = x(result.total ? (before / result.total) * 100 : 0);
                    before += n;
                    const to = x(result.total ? (before / result.total) * 100 : 0);
                    return (
                      <g key={i}>
                        <rect
                          x={from}
                          y={2}
                          width={to - from}
                          height={ROW_H - 6}
                          fill={scaleColours[i]}
                          stroke="#ffffff"
                        />
                        {to - from >= 18 ? (
                          <text x={(from + to) / 2} y={14} fontSize="11" textAnchor="middle" fill={scaleInk[i]}>
                            {n}
                          </text>
                        ) : null}
                      </g>
                    );
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
  return <Marker shape={shape} x={cx} y={cy} size={5.5} colour={colour} />;
}

function MeanChart({ rounds }: { rounds: RoundResults[] }) {
  const facets = rounds[0].facets.map((f) => f.facet);
  const all = rounds.flatMap((r) => r.facets.map((f) => f.mean));
  // Scaled to the means (within the 1–5 scale), so a shift of a few tenths between rounds shows.
  const domain = niceDomain(all, { bounds: [1, 5], minSpan: 1 });
  const xOf = linear(domain, [LABEL_W + 10, LABEL_W + BAR_W - 10]);
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
        aria-label={`Mean per facet for each round, on an axis from ${formatNumberIn(domain[0])} to ${formatNumberIn(domain[1])}; the same numbers are in the table above.`}
      >
        <Axis orient="bottom" ticks={labelledTicks(domain)} position={xOf} at={height - 20} grid={[10, height - 20]} />
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
                <polyline points={points.join(" ")} fill="none" stroke={palette.baseline} strokeWidth={2} />
              ) : null}
              {means.map((m) =>
                m.mean === null ? null : <Mark key={m.round} round={m.round} cx={xOf(m.mean)} cy={y} />,
              )}
              <MeanChange means={means.map((m) => m.mean)} y={y} />
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

/** The latest mean and its change since the first round ("3.8, +0.4 points"), at the row's end. */
function MeanChange({ means, y }: { means: Array<number | null>; y: number }) {
  const change = seriesChange(means);
  if (!change) return null;
  return (
    <ChangeText x={LABEL_W + BAR_W + 8} y={y + 5}>
      {formatChange(change.change, points)}
    </ChangeText>
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
