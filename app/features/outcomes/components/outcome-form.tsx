import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";
import { measureLabels, measures, studentGroupLabels, studentGroups } from "../outcomes";
import { OutcomeSchema } from "../schema";

export type OutcomeDefaults = {
  id: string;
  schoolId: string;
  studentGroup: string;
  measure: string;
  baseline: number;
  target: number;
  actual: number | null;
};

/** Enter a new outcome, or change one (`editing`): the same schema checks it here and in the action. */
export function OutcomeForm({
  schools,
  editing,
  lastResult,
  cancelTo,
}: {
  schools: Array<{ id: string; name: string }>;
  editing: OutcomeDefaults | null;
  lastResult: SubmissionResult<string[]> | undefined;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    // A new id per row edited, so the fields take that row's values.
    id: editing ? `outcome-${editing.id}` : "outcome-new",
    lastResult,
    constraint: getZodConstraint(OutcomeSchema),
    defaultValue: editing
      ? {
          ...editing,
          baseline: String(editing.baseline),
          target: String(editing.target),
          actual: editing.actual === null ? "" : String(editing.actual),
        }
      : { schoolId: schools.length === 1 ? schools[0].id : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { key: _k1, ...hiddenId } = getInputProps(fields.id, { type: "hidden" });
  const { key: _k2, ...hiddenSchool } = getInputProps(fields.schoolId, { type: "hidden" });
  const percent = (name: "baseline" | "target" | "actual") => ({
    ...getInputProps(fields[name], { type: "number" }),
    step: "0.1",
    inputMode: "decimal" as const,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-4 sm:grid-cols-2">
      <ErrorList id={form.errorId} errors={form.errors} />
      {editing ? <input {...hiddenId} /> : null}
      {schools.length === 1 ? (
        <input {...hiddenSchool} />
      ) : (
        <SelectField label="School" errors={fields.schoolId.errors} selectProps={getSelectProps(fields.schoolId)}>
          <option value="">Choose your school</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label="Student group"
        errors={fields.studentGroup.errors}
        selectProps={getSelectProps(fields.studentGroup)}
      >
        <option value="">Choose a student group</option>
        {studentGroups.map((g) => (
          <option key={g} value={g}>
            {studentGroupLabels[g]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Measure" errors={fields.measure.errors} selectProps={getSelectProps(fields.measure)}>
        <option value="">Choose a measure</option>
        {measures.map((m) => (
          <option key={m} value={m}>
            {measureLabels[m]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Baseline (%)"
        hint="Where the group started, 0 to 100."
        errors={fields.baseline.errors}
        inputProps={percent("baseline")}
      />
      <Field
        label="Target (%)"
        hint="What you aimed for by the end of the year."
        errors={fields.target.errors}
        inputProps={percent("target")}
      />
      <Field
        label="Actual (%)"
        hint="The end-of-year result; leave blank until you have it."
        errors={fields.actual.errors}
        inputProps={percent("actual")}
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" name="intent" value="save" pending={navigation.state === "submitting"}>
          {editing ? "Save changes" : "Save outcome"}
        </Button>
        {editing ? (
          <Link to={cancelTo} className="text-sm text-brand-700 underline">
            Cancel
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
