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
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

type FieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
};

/** A labelled input with its hint and errors wired up for assistive technology. */
export function Field({ label, hint, errors, inputProps: withKey }: FieldProps) {
  // Conform's getInputProps includes a `key`, which React must not receive through a spread.
  const { key: _key, ...inputProps } = withKey as FieldProps["inputProps"] & { key?: string };
  const errorId = errors?.length ? `${inputProps.id}-error` : undefined;
  const hintId = hint ? `${inputProps.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={inputProps.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps}
        className={control}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

type SelectFieldProps = {
  label: string;
  errors?: string[];
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
  children: ReactNode;
};

/** A labelled select with its errors. */
export function SelectField({ label, errors, selectProps: withKey, children }: SelectFieldProps) {
  const { key: _key, ...selectProps } = withKey as SelectFieldProps["selectProps"] & { key?: string };
  const errorId = errors?.length ? `${selectProps.id}-error` : undefined;
  return (
    <div>
      <label htmlFor={selectProps.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        {...selectProps}
        className={control}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      >
        {children}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
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
export function TextareaField({ label, hint, errors, rows = 3, textareaProps: withKey }: TextareaFieldProps) {
  // Conform's getTextareaProps includes a `key`, which React must not receive through a spread.
  const { key: _key, ...props } = withKey as TextareaFieldProps["textareaProps"] & { key?: string };
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
      <textarea
        rows={rows}
        {...props}
        className={control}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
