import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { findSchoolClashes, insertSchools, listSchools } from "../../db/queries/schools";
import { isUniqueViolation } from "../../db/errors";
import { schoolCategories, schoolPhases } from "../../db/schema/school-options";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList, Field, SelectField } from "../components/ui/field";
import { forbidden } from "../utils/http.server";
import { canAddSchools } from "../utils/permissions";
import { requireAuthorityAdmin } from "../utils/permissions.server";
import { categoryLabels, phaseLabels } from "../utils/roles";
import { SchoolSchema } from "../utils/school-schema";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityAdmin(context, request);
  return json({ schools: await listSchools(context.services.db, authorityId) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canAddSchools(actor, authorityId)) forbidden();
  const { db } = context.services;
  const submission = parseWithZod(await request.formData(), { schema: SchoolSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const clashes = await findSchoolClashes(db, authorityId);
  const fieldErrors: Record<string, string[]> = {};
  if (clashes.names.has(submission.value.name.toLowerCase())) fieldErrors.name = ["A school with this name already exists."];
  if (clashes.references.has(submission.value.reference.toLowerCase())) fieldErrors.reference = ["This reference is already used."];
  if (Object.keys(fieldErrors).length) return json(submission.reply({ fieldErrors }), { status: 400 });
  let school;
  try {
    [school] = await insertSchools(db, [{ ...submission.value, authorityId }]);
  } catch (error) {
    // Someone else added the same school a moment ago.
    if (!isUniqueViolation(error)) throw error;
    return json(submission.reply({ formErrors: ["A school with this name or reference was just added."] }), { status: 400 });
  }
  context.services.logger.info("school added", { schoolId: school.id, by: actor.userId });
  return json({ ...submission.reply({ resetForm: true }), added: school.name });
}

export default function SchoolsPage() {
  const { schools } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
    <main id="main" className="grid grid-cols-1 gap-8 py-6 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="schools-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="schools-heading" className="text-2xl font-bold">
            Schools ({schools.length})
          </h1>
          <Link to="/admin/schools/import" className="text-sm font-semibold text-brand-700 underline">
            Import schools from a CSV file
          </Link>
        </div>
        {schools.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="No schools yet">
              Add a school with the form, or import many at once from a spreadsheet saved as CSV.
            </EmptyState>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Schools in your authority</caption>
              <thead className="bg-slate-100">
                <tr>
                  {["Name", "Reference", "Phase", "Support category", "Locality"].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-semibold">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {schools.map((s) => (
                  <tr key={s.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">
                      <Link to={`/schools/${s.id}`} className="text-brand-700 underline">
                        {s.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{s.reference}</td>
                    <td className="px-3 py-2">{phaseLabels[s.phase]}</td>
                    <td className="px-3 py-2">{categoryLabels[s.category]}</td>
                    <td className="px-3 py-2">{s.locality}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
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
          <SelectField label="Support category" errors={fields.category.errors} selectProps={getSelectProps(fields.category)}>
            <option value="">Choose a category</option>
            {schoolCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </SelectField>
          <Field label="Locality" errors={fields.locality.errors} inputProps={getInputProps(fields.locality, { type: "text" })} />
          <Button type="submit" pending={navigation.state === "submitting"}>
            Add school
          </Button>
        </Form>
      </section>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Schools · Commons" }];
