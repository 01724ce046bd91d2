import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { areaLabel, type PlanArea } from "../../../kernel/plan-areas";
import { PrioritySchema } from "../schema";
import type { Terminology } from "../../../kernel/terminology";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";
import { TextareaField } from "./textarea-field";
import { useIntentResult } from "./use-intent-result";

type Props = {
  intent: "add-priority" | "edit-priority";
  areas: PlanArea[];
  terminology: Terminology;
  defaultValue?: { title: string; area: string; rationale: string };
  submit: string;
};

/** Adds a priority (title, area, rationale), or changes one. */
export function PriorityForm({ intent, areas, terminology, defaultValue, submit }: Props) {
  const lastResult = useIntentResult(intent);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: intent,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(PrioritySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PrioritySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value={intent} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Title"
        hint="What will improve, for whom. For example: Raise attendance of disadvantaged pupils."
        errors={fields.title.errors}
        inputProps={getInputProps(fields.title, { type: "text" })}
      />
      <SelectField label="Area" errors={fields.area.errors} selectProps={getSelectProps(fields.area)}>
        <option value="">Choose an area</option>
        {areas.map((a) => (
          <option key={a} value={a}>
            {areaLabel(a, terminology)}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label="Rationale"
        hint="Why this is a priority: what the evidence shows."
        errors={fields.rationale.errors}
        textareaProps={getTextareaProps(fields.rationale)}
      />
      <Button
        type="submit"
        pending={navigation.state === "submitting" && navigation.formData?.get("intent") === intent}
      >
        {submit}
      </Button>
    </Form>
  );
}
