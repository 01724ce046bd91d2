import { useState, type FormEvent, type ReactNode } from "react";
import type * as Y from "yjs";
import { setLocked, setTimer, type BoardSettings } from "../../../../collab/documents/root-cause-board";
import { TemplatePicker } from "./template-picker";
import { useBoardChange } from "./use-board-change";
import { ErrorList } from "../../../components/ui/field";

const input = "mt-1 block min-h-11 w-24 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900";
const button =
  "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50";

/**
 * The board's layout and problem, the lock and the timer: only the cohort's facilitators see these.
 * (Dots are given out per voting round, in the voting panel.)
 */
export function FacilitatorControls({ doc, settings }: { doc: Y.Doc; settings: BoardSettings }) {
  const [minutes, setMinutes] = useState("5");
  const { error, attempt } = useBoardChange();
  const startTimer = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    attempt(() => {
      if (!Number.isFinite(value) || value <= 0 || value > 120) throw new Error("Choose between 1 and 120 minutes.");
      setTimer(doc, value);
    });
  };
  return (
    <section aria-labelledby="facilitator-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="facilitator-heading" className="text-lg font-semibold">
        Facilitator controls
      </h2>
      <div className="mt-3">
        <TemplatePicker />
      </div>
      <div className="mt-4 flex flex-wrap items-end gap-6 border-t border-brand-100 pt-4">
        <NumberForm
          id="timer-minutes"
          label="Timer (minutes)"
          min={1}
          max={120}
          value={minutes}
          onChange={setMinutes}
          onSubmit={startTimer}
          submit="Start timer"
        >
          {settings.timerEndsAt !== null ? (
            <button type="button" className={button} onClick={() => attempt(() => setTimer(doc, null))}>
              Stop timer
            </button>
          ) : null}
        </NumberForm>
        <button type="button" className={button} onClick={() => attempt(() => setLocked(doc, !settings.locked))}>
          {settings.locked ? "Unlock the board" : "Lock the board"}
        </button>
      </div>
      <ErrorList errors={error ? [error] : null} />
    </section>
  );
}

type NumberFormProps = {
  id: string;
  label: string;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  submit: string;
  /** More buttons after the submit button. */
  children?: ReactNode;
};

/** One number setting of the board: its labelled field and the button that applies it. */
function NumberForm({ id, label, min, max, value, onChange, onSubmit, submit, children }: NumberFormProps) {
  return (
    <form onSubmit={onSubmit} className="flex items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={input}
        />
      </div>
      <button type="submit" className={button}>
        {submit}
      </button>
      {children}
    </form>
  );
}
