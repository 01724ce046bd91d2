import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { studentGroupLabels } from "../../outcomes/outcomes";
import { dueDateRange, TargetSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";
import { useIntentResult } from "./use-intent-result";

/** Adds a SMART target: measure, student group, baseline, target (and actual if known), by when. */
export function TargetForm() {
  const lastResult = useIntentResult("add-target");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-target",
    lastResult,
    constraint: getZodConstraint(TargetSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TargetSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const range = dueDateRange();
  const percent = { type: "number" as const };
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="grid gap-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="add-target" />
      <div className="md:col-span-2">
        <ErrorList id={form.errorId} errors={form.errors} />
      </div>
      <Field
        label="Measure"
        hint="For example: Attendance %, or Reading at expected standard %."
        errors={fields.measure.errors}
        inputProps={{ ...getInputProps(fields.measure, { type: "text" }), list: "measure-suggestions" }}
      />
      <Field
        label="Student group"
        hint="For example: Disadvantaged (pupil premium)."
        errors={fields.studentGroup.errors}
        inputProps={{ ...getInputProps(fields.studentGroup, { type: "text" }), list: "group-suggestions" }}
      />
      <datalist id="group-suggestions">
        {Object.values(studentGroupLabels).map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <datalist id="measure-suggestions">
        {[
          "Attendance %",
          "Reading at expected standard %",
          "Maths at expected standard %",
          "Persistent absence %",
          "Suspensions per 100 pupils",
        ].map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <Field
        label="Baseline (%)"
        hint="0 to 100"
        errors={fields.baseline.errors}
        inputProps={{ ...getInputProps(fields.baseline, percent), step: 0.1, min: 0, max: 100 }}
      />
      <Field
        label="Target (%)"
        hint="0 to 100"
        errors={fields.target.errors}
        inputProps={{ ...getInputProps(fields.target, percent), step: 0.1, min: 0, max: 100 }}
      />
      <Field
        label="Actual so far (%)"
        hint="Optional: leave empty until you have a result."
        errors={fields.actual.errors}
        inputProps={{ ...getInputProps(fields.actual, percent), step: 0.1, min: 0, max: 100, required: false }}
      />
      <Field
        label="By when"
        errors={fields.byWhen.errors}
        inputProps={{ ...getInputProps(fields.byWhen, { type: "date" }), min: range.min, max: range.max }}
      />
      <div className="md:col-span-2">
        <Button
          type="submit"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add-target"}
        >
          Add target
        </Button>
      </div>
    </Form>
  );
}
