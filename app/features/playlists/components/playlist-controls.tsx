import { resourceTypes, type ResourceType } from "../../../../collab/documents/playlist";
import { progressWords, type ProgressSummary } from "../progress-summary";
import { resourceTypeLabels } from "../schema";
import { TypeIcon } from "./type-icon";

export type TypeChoice = ResourceType | "all";

const chip =
  "inline-flex min-h-11 items-center gap-1.5 rounded-full border px-4 text-sm font-semibold aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white";

/** Show every resource or one kind: toggle buttons, each saying how many there are. */
export function TypeFilter({
  value,
  counts,
  onChange,
}: {
  value: TypeChoice;
  counts: Record<ResourceType, number>;
  onChange: (next: TypeChoice) => void;
}) {
  const total = resourceTypes.reduce((sum, t) => sum + counts[t], 0);
  const options: Array<{ value: TypeChoice; label: string; count: number }> = [
    { value: "all", label: "All", count: total },
    ...resourceTypes.map((t) => ({ value: t, label: `${resourceTypeLabels[t]}s`, count: counts[t] })),
  ];
  return (
    <div role="group" aria-label="Show resources of one type" className="flex flex-wrap gap-2">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          onClick={() => onChange(o.value)}
          className={`${chip} border-slate-400 bg-white text-slate-900 hover:bg-slate-50`}
        >
          {o.value === "all" ? null : <TypeIcon type={o.value} />}
          {o.label} <span className="font-normal">({o.count})</span>
        </button>
      ))}
    </div>
  );
}

/** "4 of 9 done; the community: 62%", with a bar for each (the words are the bar's label). */
export function ProgressBar({ summary }: { summary: ProgressSummary }) {
  const words = progressWords(summary);
  if (!words) return null;
  const mine = summary.mine !== null && summary.total > 0 ? Math.round((summary.mine / summary.total) * 100) : null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="playlist-progress">
      <p className="font-semibold text-slate-900" id="playlist-progress-words">
        {words}
      </p>
      <div className="mt-2 space-y-1.5" aria-hidden="true">
        {mine !== null ? <Bar percent={mine} label="You" colour="fill-brand-700" /> : null}
        {summary.communityPercent !== null ? (
          <Bar percent={summary.communityPercent} label="Community" colour="fill-teal-600" />
        ) : null}
      </div>
    </div>
  );
}

/** A bar drawn with SVG attributes, not an inline style, so a strict Content-Security-Policy holds. */
function Bar({ percent, label, colour }: { percent: number; label: string; colour: string }) {
  return (
    <div className="flex items-center gap-2 text-xs text-slate-700">
      <span className="w-20 shrink-0">{label}</span>
      <svg className="h-2.5 flex-1 overflow-hidden rounded-full" focusable="false">
        <rect width="100%" height="100%" className="fill-slate-200" />
        <rect width={`${percent}%`} height="100%" className={colour} />
      </svg>
    </div>
  );
}
