import type { ColourBy } from "../note-colours";

const choices: Array<{ value: ColourBy; label: string }> = [
  { value: "category", label: "Category" },
  { value: "author", label: "Author" },
];

/** How notes are coloured on this person's screen (remembered in this browser; others are unaffected). */
export function ColourToggle({ value, onChange }: { value: ColourBy; onChange: (value: ColourBy) => void }) {
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">Colour the notes by</legend>
      <span aria-hidden className="text-sm font-medium text-slate-800">
        Colour by
      </span>
      <div className="inline-flex rounded-md border border-slate-400 bg-white p-0.5">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="inline-flex min-h-11 cursor-pointer items-center rounded px-3 text-sm font-medium text-slate-800 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700"
          >
            <input
              type="radio"
              name="colour-by"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="sr-only"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
