import { parseWithZod } from "@conform-to/zod";
import { useRef, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { addItem, type PlaylistItem } from "../../../../collab/documents/playlist";
import { ResourceSchema } from "../schema";
import { ErrorList } from "../../../components/ui/field";
import { updateItem } from "../playlist-document";
import { focusFirstError, ResourceFields, type FieldErrors } from "./resource-fields";

/**
 * The facilitator's form for a resource, written straight into the shared document (everyone sees
 * it at once). Checked with the same rules as the document before it is written.
 */
export function ItemForm({
  doc,
  addedBy,
  item,
  onDone,
}: {
  doc: Y.Doc;
  addedBy: string;
  /** The item being edited; absent when adding. */
  item?: PlaylistItem;
  onDone?: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const prefix = item ? `edit-${item.id}` : "new-item";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submission = parseWithZod(new FormData(event.currentTarget), { schema: ResourceSchema });
    if (submission.status !== "success") {
      setErrors(submission.error ?? {});
      setAdded(null);
      focusFirstError(formRef.current);
      return;
    }
    try {
      if (item) updateItem(doc, item.id, submission.value);
      else addItem(doc, { ...submission.value, addedBy });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "That did not work. Please try again.");
      return;
    }
    setErrors({});
    setProblem(null);
    if (item) return onDone?.();
    setAdded(submission.value.title);
    // An empty form for the next resource.
    formRef.current?.reset();
    requestAnimationFrame(() => document.getElementById(`${prefix}-title`)?.focus());
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="space-y-3"
      aria-label={item ? `Edit ${item.title}` : "Add a resource"}
    >
      <ErrorList errors={problem ? [problem] : null} />
      <ResourceFields idPrefix={prefix} errors={errors} defaults={item} />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {item ? "Save changes" : "Add to the playlist"}
        </button>
        {item ? (
          <button
            type="button"
            onClick={onDone}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50"
          >
            Cancel
          </button>
        ) : null}
        {added ? (
          <p role="status" className="text-sm text-green-900">
            “{added}” was added to the playlist.
          </p>
        ) : null}
      </div>
    </form>
  );
}
