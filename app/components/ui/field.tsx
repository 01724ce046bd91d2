import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** Field errors, announced to screen readers and linked to the input by id. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    // The alert role sits on a wrapper: on the <ul> itself it would hide the list from assistive technology.
    <div id={id} role="alert" className="mt-1 text-sm text-red-700">
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

const control =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

/** What every control gets from its frame: invalid state and the ids of its hint and errors. */
type ControlWiring = { "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/**
 * The label, hint and errors around one control, wired up for assistive technology. Conform's
 * get…Props include a `key`, which React must not receive through a spread, so it is dropped here.
 */
function FieldFrame<P extends { id: string }>({
  label,
  hint,
  errors,
  props: withKey,
  render,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  props: P;
  render: (props: Omit<P, "key">, wiring: ControlWiring) => ReactNode;
}) {
  const { key: _key, ...props } = withKey as P & { key?: string };
  const errorId = errors?.length ? `${props.id}-error` : undefined;
  const hintId = hint ? `${props.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {render(props as Omit<P, "key">, {
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

type FieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
};

/** A labelled input with its hint and errors. */
export function Field({ label, hint, errors, inputProps }: FieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      errors={errors}
      props={inputProps}
      render={(props, wiring) => <input {...props} className={control} {...wiring} />}
    />
  );
}

type SelectFieldProps = {
  label: string;
  errors?: string[];
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
  children: ReactNode;
};

/** A labelled select with its errors. */
export function SelectField({ label, errors, selectProps, children }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      errors={errors}
      props={selectProps}
      render={(props, wiring) => (
        <select {...props} className={control} {...wiring}>
          {children}
        </select>
      )}
    />
  );
}

type TextareaFieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  rows?: number;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
};

/** A labelled multi-line field with its hint and errors, like Field. */
export function TextareaField({ label, hint, errors, rows = 3, textareaProps }: TextareaFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      errors={errors}
      props={textareaProps}
      render={(props, wiring) => <textarea rows={rows} {...props} className={control} {...wiring} />}
    />
  );
}
