import { resourceTypes } from "../../../../collab/documents/playlist";
import { resourceTypeLabels, type ResourceInput } from "../schema";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";

export type FieldErrors = Record<string, string[] | null | undefined>;
type Defaults = Partial<Record<keyof ResourceInput, string | number>>;

/**
 * The five fields of a resource, shared by "Add a resource", "Edit" and "Suggest a resource".
 * Uncontrolled inputs, so what a person typed stays when the form comes back with errors.
 */
export function ResourceFields({
  idPrefix,
  errors,
  defaults = {},
}: {
  idPrefix: string;
  errors: FieldErrors;
  defaults?: Defaults;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v));
  const whyError = errors.why?.length ? `${id("why")}-error` : undefined;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          label="Title"
          errors={errors.title ?? undefined}
          inputProps={{ id: id("title"), name: "title", type: "text", defaultValue: str(defaults.title) }}
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          label="Web address"
          hint="A link starting with https:// or http://"
          errors={errors.url ?? undefined}
          inputProps={{ id: id("url"), name: "url", type: "url", inputMode: "url", defaultValue: str(defaults.url) }}
        />
      </div>
      <SelectField
        label="Type"
        errors={errors.type ?? undefined}
        selectProps={{ id: id("type"), name: "type", defaultValue: str(defaults.type) ?? "" }}
      >
        <option value="">Choose a type</option>
        {resourceTypes.map((t) => (
          <option key={t} value={t}>
            {resourceTypeLabels[t]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Minutes"
        hint="Roughly how long it takes"
        errors={errors.minutes ?? undefined}
        inputProps={{
          id: id("minutes"),
          name: "minutes",
          type: "number",
          min: 1,
          max: 600,
          step: 1,
          defaultValue: str(defaults.minutes),
        }}
      />
      <div className="sm:col-span-2">
        <label htmlFor={id("why")} className="block text-sm font-medium text-slate-800">
          Why it matters
        </label>
        <textarea
          id={id("why")}
          name="why"
          rows={2}
          defaultValue={str(defaults.why)}
          aria-invalid={whyError ? true : undefined}
          aria-describedby={whyError}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
        />
        <ErrorList id={whyError} errors={errors.why ?? undefined} />
      </div>
    </div>
  );
}

/** Moves the keyboard to the first field with an error, so a person hears what to fix. */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
}
