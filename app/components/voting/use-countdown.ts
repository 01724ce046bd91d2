import { useEffect, useRef, useState } from "react";

/**
 * The facilitation timer's clock and its end cue, shared by the board's timer and voting rounds.
 *
 * The cue (a short beep and a visual flash) fires only when this page watched the time run out:
 * opening a page on a timer that ended an hour ago must not beep.
 */
export type Countdown = {
  /** Seconds left, or null before hydration (the server's clock is not the browser's) or with no limit. */
  secondsLeft: number | null;
  /** Whether the time has run out. */
  timeUp: boolean;
  /** True for a few seconds after the time ran out while this page was open: show the visual cue. */
  justEnded: boolean;
};

/** How long the visual cue lasts after the end. */
export const END_CUE_MS = 6000;

/**
 * Seconds left until `endsAt`, ticking each second, and whether time is up. With `cue` (the
 * default), the page beeps once (`playEndCue`) and sets `justEnded` when it watches time run out;
 * `onEnd` is called at that moment too.
 */
export function useCountdown(endsAt: number | null, options: { cue?: boolean; onEnd?: () => void } = {}): Countdown {
  const { cue = true } = options;
  const [now, setNow] = useState<number | null>(null);
  const [justEnded, setJustEnded] = useState(false);
  // Whether this page has seen the clock running (secondsLeft > 0) for this `endsAt`.
  const sawRunning = useRef(false);
  const onEnd = useRef(options.onEnd);
  onEnd.current = options.onEnd;

  useEffect(() => {
    sawRunning.current = false;
    setJustEnded(false);
    setNow(Date.now());
    if (endsAt === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= endsAt) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [endsAt]);

  const secondsLeft = endsAt === null || now === null ? null : Math.max(0, Math.ceil((endsAt - now) / 1000));
  const timeUp = secondsLeft === 0;

  useEffect(() => {
    if (secondsLeft === null) return;
    if (secondsLeft > 0) {
      sawRunning.current = true;
      return;
    }
    if (!sawRunning.current) return;
    sawRunning.current = false;
    if (cue) playEndCue();
    onEnd.current?.();
    setJustEnded(true);
    const off = setTimeout(() => setJustEnded(false), END_CUE_MS);
    return () => clearTimeout(off);
  }, [secondsLeft, cue]);

  return { secondsLeft, timeUp, justEnded };
}

/** Whether a round's time is up, re-rendering once when it runs out (one timer, not a tick per second). */
export function useTimeUp(endsAt: number | null): boolean {
  const [timeUp, setTimeUp] = useState(false);
  useEffect(() => {
    if (endsAt === null) return setTimeUp(false);
    const wait = endsAt - Date.now();
    setTimeUp(wait <= 0);
    if (wait <= 0) return;
    const timer = setTimeout(() => setTimeUp(true), wait);
    return () => clearTimeout(timer);
  }, [endsAt]);
  return timeUp;
}

/** "4:05" for 245 seconds. */
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

type AudioContextClass = typeof AudioContext;

/**
 * Two short soft beeps made with Web Audio (no sound file to download). Silent where audio is not
 * available or the browser blocks it until the person has interacted with the page: the visual cue
 * still shows. Returns whether a sound was started (tests and callers may ignore it).
 */
export function playEndCue(): boolean {
  if (typeof window === "undefined") return false;
  const Ctor: AudioContextClass | undefined =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Ctor) return false;
  try {
    const ctx = new Ctor();
    const start = ctx.currentTime;
    for (const [offset, pitch] of [
      [0, 880],
      [0.25, 660],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = pitch;
      // A quick fade in and out: a click-free beep, quiet enough for a meeting room.
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.22);
    }
    setTimeout(() => void ctx.close().catch(() => undefined), 800);
    return true;
  } catch {
    return false;
  }
}
