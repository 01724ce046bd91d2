import { parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { PlaylistItem } from "../../../../collab/documents/playlist";
import { ProgressSchema } from "../schema";
import { ErrorList } from "../../../components/ui/field";
import { focusFirstError, type FieldErrors } from "./resource-fields";

export type MyProgress = {
  status: "done" | "done_with_partner";
  partnerUserId: string | null;
  partnerName: string | null;
  note: string;
};
type Reply = { form: string; ok: boolean; error?: FieldErrors | string };

const small =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50";

/** A leader's own mark on one resource: done, or done with a partner, with a note. Stored by the server. */
export function ProgressControl({
  item,
  mine,
  partners,
}: {
  item: PlaylistItem;
  mine: MyProgress | undefined;
  partners: Array<{ id: string; name: string }>;
}) {
  const fetcher = useFetcher<Reply>();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<MyProgress["status"]>(mine?.status ?? "done");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const base = `progress-${item.id}`;
  const reply = fetcher.data;

  // Once the server has saved it, close the form and put the keyboard on "Change".
  useEffect(() => {
    if (fetcher.state !== "idle" || !reply) return;
    if (reply.ok && reply.form === "progress") {
      setOpen(false);
      requestAnimationFrame(() => document.getElementById(`${base}-change`)?.focus());
    } else if (!reply.ok && typeof reply.error === "object") {
      setErrors(reply.error);
      focusFirstError(formRef.current);
    }
  }, [fetcher.state, reply, base]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const submission = parseWithZod(new FormData(event.currentTarget), { schema: ProgressSchema });
    if (submission.status !== "success") {
      event.preventDefault();
      setErrors(submission.error ?? {});
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
  };

  if (!open) {
    return (
      <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="my-progress">
        {mine ? (
          <p className="text-sm font-medium text-green-900">
            ✓ {mine.status === "done_with_partner" ? `Done with ${mine.partnerName ?? "a partner"}` : "Done"}
            {mine.note ? <span className="block font-normal text-slate-800">Your note: {mine.note}</span> : null}
          </p>
        ) : null}
        <button
          type="button"
          id={`${base}-change`}
          className={small}
          aria-describedby={`item-${item.id}-title`}
          onClick={() => setOpen(true)}
        >
          {mine ? "Change" : "Mark as done"}
        </button>
        {mine ? (
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="itemId" value={item.id} />
            <button type="submit" className={small} aria-describedby={`item-${item.id}-title`}>
              Not done yet
            </button>
          </fetcher.Form>
        ) : null}
      </div>
    );
  }

  const partnerError = errors.partnerId?.length ? `${base}-partner-error` : undefined;
  return (
    <fetcher.Form
      method="post"
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <input type="hidden" name="intent" value="progress" />
      <input type="hidden" name="itemId" value={item.id} />
      <ErrorList errors={typeof reply?.error === "object" ? (reply.error[""] ?? undefined) : undefined} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">How did you use “{item.title}”?</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(
            [
              ["done", "Done"],
              ["done_with_partner", "Done with a partner"],
            ] as const
          ).map(([value, label], i) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="status"
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
                autoFocus={i === 0 ? true : undefined}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {status === "done_with_partner" ? (
        <div>
          <label htmlFor={`${base}-partner`} className="block text-sm font-medium text-slate-800">
            Who did you do it with?
          </label>
          <select
            id={`${base}-partner`}
            name="partnerId"
            defaultValue={mine?.partnerUserId ?? ""}
            aria-invalid={partnerError ? true : undefined}
            aria-describedby={partnerError}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-600"
          >
            <option value="">Choose a colleague</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <ErrorList id={partnerError} errors={errors.partnerId ?? undefined} />
        </div>
      ) : null}
      <div>
        <label htmlFor={`${base}-note`} className="block text-sm font-medium text-slate-800">
          Note (optional)
        </label>
        <textarea
          id={`${base}-note`}
          name="note"
          rows={2}
          defaultValue={mine?.note ?? ""}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900"
        />
        <ErrorList errors={errors.note ?? undefined} />
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={fetcher.state !== "idle"}
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Save
        </button>
        <button type="button" className={small} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </fetcher.Form>
  );
}
