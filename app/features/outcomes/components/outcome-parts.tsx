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
