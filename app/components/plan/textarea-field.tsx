import type { TextareaHTMLAttributes } from "react";
import { ErrorList } from "../ui/field";

type Props = {
  label: string;
  hint?: string;
  errors?: string[];
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
};

/** A labelled multi-line field with its hint and errors (the plan's longer texts). */
export function TextareaField({ label, hint, errors, textareaProps: withKey }: Props) {
  // Conform's getTextareaProps includes a `key`, which React must not receive through a spread.
  const { key: _key, ...props } = withKey as Props["textareaProps"] & { key?: string };
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
        rows={3}
        {...props}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
