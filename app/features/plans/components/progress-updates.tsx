import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { FormattedDate } from "../../../components/date-context";
import { ProgressUpdateSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";
import { TextareaField } from "./textarea-field";
import { useIntentResult } from "./use-intent-result";

export type UpdateView = { id: string; body: string; createdAt: string; authorName: string | null };

/** Dated notes on how the priority is going, newest first. */
export function ProgressUpdates({ updates, canEdit }: { updates: UpdateView[]; canEdit: boolean }) {
  if (!updates.length)
    return (
      <p className="text-sm text-slate-700">
        {canEdit ? "No progress notes yet. Use Edit to add one after each review point." : "No progress notes yet."}
      </p>
    );
  return (
    <ol className="space-y-3">
      {updates.map((u) => (
        <li key={u.id} className="border-l-4 border-brand-100 pl-3">
          <p className="text-xs text-slate-700">
            <FormattedDate value={u.createdAt} style="date" /> · {u.authorName ?? "Someone who has left"}
          </p>
          <p className="mt-1 max-w-prose whitespace-pre-line text-slate-900">{u.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** Adds a progress note. */
export function ProgressUpdateForm() {
  const lastResult = useIntentResult("add-update");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-update",
    lastResult,
    constraint: getZodConstraint(ProgressUpdateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgressUpdateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="add-update" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextareaField label="Progress note" errors={fields.body.errors} textareaProps={getTextareaProps(fields.body)} />
      <Button
        type="submit"
        variant="secondary"
        pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add-update"}
      >
        Add progress note
      </Button>
    </Form>
  );
}
