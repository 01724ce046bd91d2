import { useEffect, useState } from "react";

const format = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} left`;
};

/** The facilitator's timer, as everyone sees it, ticking each second. */
export function Countdown({ endsAt }: { endsAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [endsAt]);
  const remaining = endsAt - now;
  const up = remaining <= 0;
  return (
    <p
      className={`rounded-md px-3 py-2 text-lg font-semibold ${up ? "bg-red-50 text-red-900" : "bg-brand-50 text-brand-900"}`}
    >
      <span className="sr-only">Timer: </span>
      {/* role="timer" is not announced on each tick, only read when someone reaches it. */}
      <span role="timer" data-testid="countdown">
        {up ? "Time is up" : format(remaining)}
      </span>
    </p>
  );
}
