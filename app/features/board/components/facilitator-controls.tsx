import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { setLocked, setTimer, setVoteBudget, type BoardSettings } from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import { messageOf } from "../../../components/board/labels";

const input = "mt-1 block w-24 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900";
const button =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50";

/** Dots per person, the lock and the timer: only the cohort's facilitators see these. */
export function FacilitatorControls({ doc, settings }: { doc: Y.Doc; settings: BoardSettings }) {
  const [budget, setBudget] = useState(String(settings.voteBudget));
  const [minutes, setMinutes] = useState("5");
  const [error, setError] = useState<string | null>(null);
  const attempt = (change: () => void) => {
    try {
      change();
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const saveBudget = (event: FormEvent) => {
    event.preventDefault();
    attempt(() => setVoteBudget(doc, Number(budget)));
  };
  const startTimer = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    attempt(() => {
      if (!Number.isFinite(value) || value <= 0 || value > 120) throw new Error("Choose between 1 and 120 minutes.");
      setTimer(doc, value);
    });
  };
  return (
    <section aria-labelledby="facilitator-heading" className="rounded-md border border-brand-100 bg-brand-50 p-4">
      <h2 id="facilitator-heading" className="text-lg font-semibold">
        Facilitator controls
      </h2>
      <div className="mt-2 flex flex-wrap items-end gap-6">
        <form onSubmit={saveBudget} className="flex items-end gap-2">
          <div>
            <label htmlFor="vote-budget" className="block text-sm font-medium">
              Dots per person
            </label>
            <input
              id="vote-budget"
              type="number"
              min={0}
              max={20}
              value={budget}
              onChange={(e) => setBudget(e.target.value)}
              className={input}
            />
          </div>
          <button type="submit" className={button}>
            Set dots
          </button>
        </form>
        <form onSubmit={startTimer} className="flex items-end gap-2">
          <div>
            <label htmlFor="timer-minutes" className="block text-sm font-medium">
              Timer (minutes)
            </label>
            <input
              id="timer-minutes"
              type="number"
              min={1}
              max={120}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              className={input}
            />
          </div>
          <button type="submit" className={button}>
            Start timer
          </button>
          {settings.timerEndsAt !== null ? (
            <button type="button" className={button} onClick={() => attempt(() => setTimer(doc, null))}>
              Stop timer
            </button>
          ) : null}
        </form>
        <button type="button" className={button} onClick={() => attempt(() => setLocked(doc, !settings.locked))}>
          {settings.locked ? "Unlock the board" : "Lock the board"}
        </button>
      </div>
      <ErrorList errors={error ? [error] : null} />
    </section>
  );
}
