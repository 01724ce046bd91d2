import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { PracticeLogSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList, SelectField } from "../../../components/ui/field";
import type { SubmissionResult } from "@conform-to/react";

const control =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

/** A labelled textarea with its hint and errors (conform's props). */
function TextArea({
  label,
  hint,
  errors,
  props,
}: {
  label: string;
  hint: string;
  errors?: string[];
  props: ReturnType<typeof getTextareaProps>;
}) {
  const { key: _key, ...rest } = props as typeof props & { key?: string };
  const errorId = errors?.length ? `${rest.id}-error` : undefined;
  return (
    <div>
      <label htmlFor={rest.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${rest.id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <textarea
        {...rest}
        rows={3}
        className={control}
        aria-describedby={[`${rest.id}-hint`, errorId].filter(Boolean).join(" ")}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** Between sessions: what I applied, what I learned, and who I shared it with (they are notified). */
export function LogForm({
  peers,
  nextSessionLabel,
}: {
  peers: Array<{ id: string; name: string }>;
  nextSessionLabel: string | null;
}) {
  const lastResult = useActionData<SubmissionResult<string[]> & { logged?: string }>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "practice-log",
    lastResult,
    constraint: getZodConstraint(PracticeLogSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PracticeLogSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const logged = lastResult && "logged" in lastResult ? lastResult.logged : null;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextArea
        label="Learning applied"
        hint="What from the last session did you try in your school?"
        errors={fields.learningApplied.errors}
        props={getTextareaProps(fields.learningApplied)}
      />
      <TextArea
        label="Insight captured"
        hint="What did you notice or learn from trying it?"
        errors={fields.insight.errors}
        props={getTextareaProps(fields.insight)}
      />
      <SelectField
        label="Shared with"
        errors={fields.sharedWith.errors}
        selectProps={getSelectProps(fields.sharedWith)}
      >
        <option value="">Choose a colleague from your cohort</option>
        {peers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <p className="text-sm text-slate-700">
        {nextSessionLabel
          ? `Your log will be listed for ${nextSessionLabel}.`
          : "No next session is scheduled yet; your log is kept here."}{" "}
        The colleague you choose is notified.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={navigation.state === "submitting"}>
          Save my log
        </Button>
        {logged ? (
          <p role="status" className="text-sm text-green-900">
            Saved, and {logged} has been notified.
          </p>
        ) : null}
      </div>
    </Form>
  );
}
