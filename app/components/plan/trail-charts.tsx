import { OutcomeLegend, PercentGridlines } from "../charts/outcome-parts";
import { formatPercent, formatPp } from "../../utils/outcomes";

export type OutcomeBar = { key: string; label: string; baseline: number; target: number; actual: number | null; change: number | null };
export type CategoryBar = { category: string; label: string; notes: number; votes: number };

const WIDTH = 680;
const LABEL = 230;
const PLOT = 330;

/**
 * Baseline → target → actual per measure as a bullet chart: baseline grey, actual green, the
 * target a black marker, the change in percentage points at the end. The picture is hidden from
 * screen readers; the caption and a visually hidden table carry the same figures.
 */
export function OutcomeChart({ id, title, rows }: { id: string; title: string; rows: OutcomeBar[] }) {
  const x = (pct: number) => LABEL + (pct / 100) * PLOT;
  const ROW = 56;
  const TOP = 24;
  const height = TOP + rows.length * ROW + 8;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <OutcomeLegend />
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="mt-2 w-full" aria-hidden="true" focusable="false">
        <PercentGridlines x={x} top={TOP} bottom={height - 8} />
        {rows.map((r, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={r.key}>
              <text x={0} y={y + 24} className="fill-slate-900 text-[12px] font-medium">
                {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
              </text>
              <rect x={LABEL} y={y + 6} width={x(r.baseline) - LABEL} height={14} className="fill-slate-400" />
              {r.actual !== null ? <rect x={LABEL} y={y + 24} width={x(r.actual) - LABEL} height={14} className="fill-brand-700" /> : null}
              <line x1={x(r.target)} x2={x(r.target)} y1={y + 2} y2={y + 42} strokeWidth={3} className="stroke-slate-900" />
              <text x={LABEL + PLOT + 10} y={y + 18} className="fill-slate-700 text-[11px]">
                {formatPercent(r.baseline)} → {formatPercent(r.target)}
              </text>
              <text x={LABEL + PLOT + 10} y={y + 36} className="fill-slate-900 text-[13px] font-semibold">
                {r.actual === null ? "no result yet" : formatPp(r.change)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            {["Measure", "Baseline", "Target", "Actual", "Change"].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{formatPercent(r.baseline)}</td>
              <td>{formatPercent(r.target)}</td>
              <td>{formatPercent(r.actual)}</td>
              <td>{formatPp(r.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Root-cause notes and dot votes per category as paired bars, with the same figures in a hidden table. */
export function CategoryChart({ id, title, rows }: { id: string; title: string; rows: CategoryBar[] }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.notes, r.votes)));
  const LEFT = 170;
  const SPAN = 420;
  const ROW = 40;
  const height = rows.length * ROW + 8;
  const w = (n: number) => (n / max) * SPAN;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <ul className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 bg-amber-400" /> Notes
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 bg-brand-700" /> Dot votes
        </li>
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="mt-2 w-full" aria-hidden="true" focusable="false">
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          return (
            <g key={r.category}>
              <text x={0} y={y + 20} className="fill-slate-900 text-[13px]">
                {r.label}
              </text>
              <rect x={LEFT} y={y + 2} width={w(r.notes)} height={14} className="fill-amber-400" />
              <rect x={LEFT} y={y + 18} width={w(r.votes)} height={14} className="fill-brand-700" />
              <text x={LEFT + w(r.notes) + 6} y={y + 14} className="fill-slate-700 text-[11px]">
                {r.notes}
              </text>
              <text x={LEFT + w(r.votes) + 6} y={y + 30} className="fill-slate-700 text-[11px]">
                {r.votes}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Notes</th>
            <th scope="col">Dot votes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category}>
              <th scope="row">{r.label}</th>
              <td>{r.notes}</td>
              <td>{r.votes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
