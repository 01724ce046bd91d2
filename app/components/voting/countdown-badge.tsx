import { Timer } from "lucide-react";
import { clock, useCountdown } from "./use-countdown";

/**
 * Time left on a facilitation timer (a voting round, the board's timer). At the end it turns
 * amber, flashes for a few seconds (not for people who asked for less motion), beeps once and says
 * so once to screen readers. Draws nothing with no time limit or before hydration.
 */
export function CountdownBadge({
  endsAt,
  endedText = "Time is up.",
  label = "Time left",
}: {
  endsAt: number | null;
  /** What screen readers hear when time runs out (e.g. "Time is up: voting has stopped."). */
  endedText?: string;
  /** Read before the time by screen readers ("Time left", "Timer"). */
  label?: string;
}) {
  const { secondsLeft, timeUp, justEnded } = useCountdown(endsAt);
  if (secondsLeft === null) return null;
  return (
    <div
      data-testid="countdown"
      data-time-up={timeUp || undefined}
      data-just-ended={justEnded || undefined}
      className={`flex min-h-11 items-center gap-2 rounded-md px-3 py-1 font-semibold tabular-nums ${
        timeUp ? "bg-amber-100 text-amber-950 ring-2 ring-amber-600" : "bg-white text-slate-900"
      } ${justEnded ? "motion-safe:animate-pulse ring-4" : ""}`}
    >
      <Timer aria-hidden className="size-4" />
      <span className="sr-only">{label}: </span>
      {/* role="timer" is not announced on each tick, only read when someone reaches it. */}
      {timeUp ? <span aria-hidden>Time is up</span> : <span role="timer">{clock(secondsLeft)} left</span>}
      <span role="status" className="sr-only">
        {timeUp ? endedText : ""}
      </span>
    </div>
  );
}
