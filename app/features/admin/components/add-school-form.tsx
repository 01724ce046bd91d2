import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { schoolCategories, schoolPhases } from "../../../../db/schema/school-options";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";
import { categoryLabels, phaseLabels } from "../../../kernel/school-phases";
import { SchoolSchema } from "../schema";

/** What the schools page's action answers: the form result, and the name of the school just added. */
export type AddSchoolActionData = SubmissionResult<string[]> & { added?: string };

/** The add-school form, with the confirmation of the last school added. */
export function AddSchoolForm() {
  const lastResult = useActionData<AddSchoolActionData>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-school",
    lastResult,
    constraint: getZodConstraint(SchoolSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SchoolSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const added = lastResult && "added" in lastResult ? String(lastResult.added) : null;
  return (
    <section aria-labelledby="add-school-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="add-school-heading" className="text-lg font-semibold">
        Add a school
      </h2>
      {added ? (
        <p role="status" className="mt-2 rounded bg-brand-50 p-2 text-sm text-brand-800">
          {added} was added.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <Field
          label="Reference"
          hint="The authority's reference for the school, such as its URN."
          errors={fields.reference.errors}
          inputProps={getInputProps(fields.reference, { type: "text" })}
        />
        <SelectField label="Phase" errors={fields.phase.errors} selectProps={getSelectProps(fields.phase)}>
          <option value="">Choose a phase</option>
          {schoolPhases.map((p) => (
            <option key={p} value={p}>
              {phaseLabels[p]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Support category"
          errors={fields.category.errors}
          selectProps={getSelectProps(fields.category)}
        >
          <option value="">Choose a category</option>
          {schoolCategories.map((c) => (
            <option key={c} value={c}>
              {categoryLabels[c]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Locality"
          errors={fields.locality.errors}
          inputProps={getInputProps(fields.locality, { type: "text" })}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Add school
        </Button>
      </Form>
    </section>
  );
}
