import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { formatPlanDate } from "../../../kernel/plan-areas";
import { ProgressUpdateSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";
import { TextareaField } from "./textarea-field";
import { useIntentResult } from "./use-intent-result";

export type UpdateView = { id: string; body: string; createdAt: string; authorName: string | null };

/** Dated notes on how the priority is going, newest first. */
export function ProgressUpdates({ updates, canEdit }: { updates: UpdateView[]; canEdit: boolean }) {
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
    <div>
      {updates.length ? (
        <ol className="space-y-2">
          {updates.map((u) => (
            <li key={u.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <p className="text-xs text-slate-700">
                {formatPlanDate(u.createdAt)} · {u.authorName ?? "Someone who has left"}
              </p>
              <p className="mt-1 whitespace-pre-line">{u.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-700">
          {canEdit ? "No progress notes yet. Add one after each review point." : "No progress notes yet."}
        </p>
      )}
      {canEdit ? (
        <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="add-update" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <TextareaField
            label="Progress note"
            errors={fields.body.errors}
            textareaProps={getTextareaProps(fields.body)}
          />
          <Button
            type="submit"
            variant="secondary"
            pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add-update"}
          >
            Add progress note
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
