import type { ReactNode } from "react";
import { targetStatusLabels, type TargetStatus } from "../target-status";

/** Colours that keep 4.5:1 contrast; the words carry the meaning, never the colour alone. */
const tone: Record<TargetStatus, string> = {
  met: "bg-emerald-100 text-emerald-900",
  on_track: "bg-sky-100 text-sky-900",
  behind: "bg-amber-100 text-amber-900",
  not_met: "bg-red-100 text-red-900",
  no_result: "bg-slate-100 text-slate-800",
};

/** A target's status as a small badge (its label unless other words are given, e.g. "2 on track"). */
export function TargetStatusBadge({ status, children }: { status: TargetStatus; children?: ReactNode }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${tone[status]}`}>
      {children ?? targetStatusLabels[status]}
    </span>
  );
}
