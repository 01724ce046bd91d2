import { useEffect, useId, useRef, useState } from "react";
import { safeHref } from "../../kernel/safe-url";

/**
 * The small form under the toolbar for a link's address. Only web and email addresses are
 * accepted (the same rule the server and the pages apply); anything else gets a plain message and
 * keeps what was typed. Not a <form>: editors can sit inside a page's own form.
 */
export function LinkForm({
  initial,
  onSave,
  onRemove,
  onCancel,
}: {
  initial: string;
  /** Applies the link; false when it could not be (the selection spans places a link cannot go). */
  onSave: (href: string) => boolean;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => input.current?.focus(), []);

  const save = () => {
    const href = safeHref(value);
    if (!href) {
      setError("Use a web address (like https://example.org) or an email address (mailto:name@school.org).");
      input.current?.focus();
      return;
    }
    if (!onSave(href)) {
      setError("A link can only cover words within one paragraph, heading or list item: select the words again.");
      input.current?.focus();
    }
  };

  return (
    <div
      className="flex flex-wrap items-end gap-2 border-t border-slate-200 px-2 py-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        } else if (event.key === "Enter") {
          event.preventDefault();
          save();
        }
      }}
    >
      <div className="min-w-64 flex-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-900">
          Link address
        </label>
        <input
          ref={input}
          id={id}
          type="text"
          inputMode="url"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
        />
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        onClick={save}
        className="min-h-11 rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white"
      >
        Save link
      </button>
      {initial ? (
        <button type="button" onClick={onRemove} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm">
          Remove link
        </button>
      ) : null}
      <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm text-slate-800 underline">
        Cancel
      </button>
    </div>
  );
}
