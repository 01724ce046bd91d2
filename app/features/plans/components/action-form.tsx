import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { actionStatusLabels, actionStatusValues } from "../../../kernel/plan-areas";
import { ActionSchema, dueDateRange } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";
import { useIntentResult } from "./use-intent-result";

/** Adds an action: what, who owns it, when it is due, and where it stands. */
export function ActionForm() {
  const lastResult = useIntentResult("add-action");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-action",
    lastResult,
    defaultValue: { status: "not_started" },
    constraint: getZodConstraint(ActionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const range = dueDateRange();
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="grid gap-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="add-action" />
      <div className="md:col-span-2">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Action"
          hint="What will be done."
          errors={fields.description.errors}
          inputProps={getInputProps(fields.description, { type: "text" })}
        />
      </div>
      <Field
        label="Owner"
        hint="Who leads it, for example: Attendance lead."
        errors={fields.owner.errors}
        inputProps={getInputProps(fields.owner, { type: "text" })}
      />
      <Field
        label="Due"
        errors={fields.due.errors}
        inputProps={{ ...getInputProps(fields.due, { type: "date" }), min: range.min, max: range.max }}
      />
      <SelectField label="Status" errors={fields.status.errors} selectProps={getSelectProps(fields.status)}>
        {actionStatusValues.map((s) => (
          <option key={s} value={s}>
            {actionStatusLabels[s]}
          </option>
        ))}
      </SelectField>
      <div className="md:col-span-2">
        <Button
          type="submit"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add-action"}
        >
          Add action
        </Button>
      </div>
    </Form>
  );
}
