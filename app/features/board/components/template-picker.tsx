import { useState, type FormEvent } from "react";
import { boardRules, setProblem, setTemplate, type BoardTemplate } from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import { small } from "../../../components/board/labels";
import { useBoard } from "./board-context";
import { useBoardChange } from "./use-board-change";

/** The templates in the words a facilitator chooses by. */
export const templateChoices: Array<{ value: BoardTemplate; label: string; hint: string }> = [
  {
    value: "categories",
    label: "Four categories",
    hint: "Systems and policies, knowledge, skills and dispositions, side by side.",
  },
  { value: "fishbone", label: "Fishbone", hint: "The problem at the head, each category a bone of the fish." },
  { value: "five-whys", label: "5 whys", hint: "A chain of notes, each answering “why?” to the one before." },
];

/**
 * Facilitator: how the board is laid out and the problem it is about. Changing the layout moves no
 * note; everyone's board redraws at once. Only shown to those `boardRules.template` allows.
 */
export function TemplatePicker() {
  const { doc, settings, allowed } = useBoard();
  const [problem, setProblemText] = useState(settings.problem);
  const { error, attempt } = useBoardChange();
  if (!allowed(boardRules.template)) return null;
  const saveProblem = (event: FormEvent) => {
    event.preventDefault();
    attempt(() => setProblem(doc, problem));
  };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Board layout</legend>
        <div className="mt-1 space-y-1">
          {templateChoices.map((choice) => (
            <label
              key={choice.value}
              className="flex min-h-11 cursor-pointer items-start gap-2 rounded-md px-2 py-1 hover:bg-white has-[:checked]:bg-white has-[:checked]:ring-1 has-[:checked]:ring-brand-600"
            >
              <input
                type="radio"
                name="board-template"
                value={choice.value}
                checked={settings.template === choice.value}
                onChange={() => attempt(() => setTemplate(doc, choice.value))}
                className="mt-1 size-4 accent-brand-700"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{choice.label}</span>
                <span className="block text-xs text-slate-700">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <form onSubmit={saveProblem} noValidate>
        <label htmlFor="board-problem" className="block text-sm font-semibold text-slate-900">
          The problem we are exploring
        </label>
        <p id="board-problem-hint" className="text-xs text-slate-700">
          Shown at the head of the fishbone and at the top of the 5 whys.
        </p>
        <textarea
          id="board-problem"
          rows={2}
          value={problem}
          onChange={(e) => setProblemText(e.target.value)}
          aria-describedby="board-problem-hint"
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900"
        />
        <button type="submit" className={`${small} mt-2`}>
          Save the problem
        </button>
      </form>
      <ErrorList errors={error ? [error] : null} />
    </div>
  );
}
