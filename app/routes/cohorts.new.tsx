import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { ErrorList, Field, SelectField } from "../components/ui/field";
import { requireCohortCreator } from "../features/cohorts/guard.server";
import { CohortSchema } from "../features/cohorts/schema";
import { startCohort } from "../features/cohorts/service.server";
import { schoolYearOf } from "../kernel/school-year";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorities } = await requireCohortCreator(context, request);
  return json({
    authorities: authorities.map((a) => ({ id: a.id, name: a.name })),
    schoolYear: schoolYearOf(new Date()),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor } = await requireCohortCreator(context, request);
  const submission = parseWithZod(await request.formData(), { schema: CohortSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const started = await startCohort(context.services, actor, submission.value);
  if (!started.ok) return json(submission.reply({ fieldErrors: started.fieldErrors }), { status: 400 });
  return redirect(`/cohorts/${started.cohortId}/members`);
}

export default function NewCohortPage() {
  const { authorities, schoolYear } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-cohort",
    lastResult,
    constraint: getZodConstraint(CohortSchema),
    defaultValue: { schoolYear, authorityId: authorities.length === 1 ? authorities[0].id : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CohortSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  // Conform's props carry a `key`, which React must not receive through a spread.
  const { key: _key, ...hiddenAuthority } = getInputProps(fields.authorityId, { type: "hidden" });
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-8">
      <Breadcrumbs
        items={[
          { label: "Dashboard", to: "/dashboard" },
          { label: "Cohorts", to: "/cohorts" },
          { label: "Start a cohort" },
        ]}
      />
      <h1 className="mt-1 text-2xl font-bold">Start a cohort</h1>
      <p className="mt-2 text-slate-700">
        A cohort is your group of school leaders meeting monthly for a school year. You will be its facilitator; next
        you add its school leaders.
      </p>
      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <ErrorList id={form.errorId} errors={form.errors} />
        {authorities.length > 1 ? (
          <SelectField
            label="Authority"
            errors={fields.authorityId.errors}
            selectProps={getSelectProps(fields.authorityId)}
          >
            <option value="">Choose an authority</option>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input {...hiddenAuthority} />
        )}
        <Field
          label="Name"
          hint="For example, Kingsmere Leaders' Network."
          errors={fields.name.errors}
          inputProps={getInputProps(fields.name, { type: "text" })}
        />
        <Field
          label="School year"
          hint="Such as 2026-27."
          errors={fields.schoolYear.errors}
          inputProps={{
            ...getInputProps(fields.schoolYear, { type: "text" }),
            inputMode: "numeric",
            autoComplete: "off",
          }}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Start the cohort
        </Button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Start a cohort · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
