import { Vote } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { MAX_DOTS, startRound } from "../../../collab/documents/voting-rounds";
import { Button } from "../ui/button";
import { Field, SelectField } from "../ui/field";

const MINUTE_CHOICES = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60];

/** Facilitator: the dots each person gets and an optional time limit, then "Start a voting round". */
export function StartRoundForm({ doc, startedBy }: { doc: Y.Doc; startedBy: string }) {
  const id = useId();
  const [dots, setDots] = useState("3");
  const [minutes, setMinutes] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      startRound(doc, { dotsPerPerson: Number(dots), minutes: minutes ? Number(minutes) : null, startedBy });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The round could not be started.");
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Start a voting round">
      <div className="w-36">
        <Field
          label="Dots per person"
          errors={error ? [error] : undefined}
          inputProps={{
            id: `${id}-dots`,
            type: "number",
            inputMode: "numeric",
            min: 1,
            max: MAX_DOTS,
            required: true,
            value: dots,
            onChange: (e) => setDots(e.target.value),
          }}
        />
      </div>
      <div className="w-44">
        <SelectField
          label="Time limit"
          selectProps={{ id: `${id}-minutes`, value: minutes, onChange: (e) => setMinutes(e.target.value) }}
        >
          <option value="">No time limit</option>
          {MINUTE_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 1 ? "1 minute" : `${m} minutes`}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" className="min-h-11 gap-2">
        <Vote aria-hidden className="size-4" />
        Start a voting round
      </Button>
    </form>
  );
}
