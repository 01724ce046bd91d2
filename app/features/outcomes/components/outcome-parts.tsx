/** Pieces shared by the charts of baseline → target → actual percentages (outcome roll-ups, evidence trails). */

/** The key: grey bar baseline, green bar actual, black tick target (hidden from assistive technology: each chart has a table). */
export function OutcomeLegend({ suffix = "" }: { suffix?: string }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
      <li className="flex items-center gap-1">
        <span className="inline-block h-3 w-5 bg-slate-400" /> Baseline{suffix}
      </li>
      <li className="flex items-center gap-1">
        <span className="inline-block h-3 w-5 bg-brand-700" /> Actual{suffix}
      </li>
      <li className="flex items-center gap-1">
        <span className="inline-block h-4 w-1 bg-slate-900" /> Target{suffix}
      </li>
    </ul>
  );
}

/** Vertical gridlines at 0, 25, 50, 75 and 100%, labelled above the plot. */
export function PercentGridlines({ x, top, bottom }: { x: (pct: number) => number; top: number; bottom: number }) {
  return (
    <>
      {[0, 25, 50, 75, 100].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 6} y2={bottom} className="stroke-slate-200" />
          <text x={x(t)} y={top - 10} textAnchor="middle" className="fill-slate-600 text-[11px]">
            {t}%
          </text>
        </g>
      ))}
    </>
  );
}

type BulletMarksProps = {
  /** Where the plot starts (0%) and ends (100%): the figures are written after its end. */
  left: number;
  right: number;
  x: (pct: number) => number;
  /** The top of the baseline bar; the actual bar sits 18 below it, the figures beside both. */
  y: number;
  /** How far the target's tick reaches, top and bottom. */
  tick: [number, number];
  baseline: number;
  actual: number | null;
  target: number;
  /** The figures beside the bars: the range on the first line, the change (bold) on the second. */
  range: string;
  change: string;
};

/** One row of a bullet chart: the baseline bar, the actual bar (when there is one), the target's tick and the figures. */
export function BulletMarks({ left, right, x, y, tick, baseline, actual, target, range, change }: BulletMarksProps) {
  return (
    <>
      <rect x={left} y={y} width={x(baseline) - left} height={14} className="fill-slate-400" />
      {actual !== null ? (
        <rect x={left} y={y + 18} width={x(actual) - left} height={14} className="fill-brand-700" />
      ) : null}
      <line x1={x(target)} x2={x(target)} y1={tick[0]} y2={tick[1]} strokeWidth={3} className="stroke-slate-900" />
      <text x={right + 10} y={y + 12} className="fill-slate-700 text-[11px]">
        {range}
      </text>
      <text x={right + 10} y={y + 30} className="fill-slate-900 text-[13px] font-semibold">
        {change}
      </text>
    </>
  );
}
