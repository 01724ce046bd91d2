import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";
import { ProposeSchema } from "../schema";

/** Proposing a link to one anonymous match: why it would help. The action answers `{ form, result }` for the form it came from. */
export function ProposeForm(props: { partnerPriorityId: string; priorityId: string; who: string }) {
  const actionData = useActionData<{ form: string; result: SubmissionResult<string[]> }>();
  const navigation = useNavigation();
  const id = `propose-${props.partnerPriorityId}`;
  const lastResult = actionData?.form === id ? actionData.result : null;
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: { priorityId: props.priorityId, partnerPriorityId: props.partnerPriorityId },
    constraint: getZodConstraint(ProposeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProposeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { key: _k1, ...priorityProps } = getInputProps(fields.priorityId, { type: "hidden" });
  const { key: _k2, ...partnerProps } = getInputProps(fields.partnerPriorityId, { type: "hidden" });
  const { key: _k3, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
      <input {...priorityProps} />
      <input {...partnerProps} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-800">
        Why a link with {props.who.replace(/^A/, "a")} would help
      </label>
      <textarea
        {...reasonProps}
        rows={2}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
      />
      <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
      <Button type="submit" variant="secondary" pending={navigation.state === "submitting"}>
        Propose a link
      </Button>
    </Form>
  );
}
