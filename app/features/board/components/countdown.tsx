import { clock, useCountdown } from "../../../components/voting/use-countdown";

/**
 * The facilitator's timer, as everyone sees it, ticking each second. When this page watches the
 * time run out it beeps once and flashes for a few seconds (the shared `useCountdown` cue); a page
 * opened after the end just says "Time is up".
 */
export function Countdown({ endsAt }: { endsAt: number }) {
  const { secondsLeft, timeUp, justEnded } = useCountdown(endsAt);
  const tone = timeUp ? "bg-red-50 text-red-900" : "bg-brand-50 text-brand-900";
  return (
    <p
      className={`rounded-md px-3 py-2 text-lg font-semibold ${tone} ${justEnded ? "animate-pulse ring-4 ring-red-600 motion-reduce:animate-none" : ""}`}
    >
      <span className="sr-only">Timer: </span>
      {/* role="timer" is not announced on each tick, only read when someone reaches it. */}
      <span role="timer" data-testid="countdown">
        {timeUp ? "Time is up" : secondsLeft === null ? "" : `${clock(secondsLeft)} left`}
      </span>
    </p>
  );
}
