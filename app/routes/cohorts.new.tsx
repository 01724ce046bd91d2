import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getAuthoritiesByIds } from "../../db/queries/authorities";
import { cohortNameTaken } from "../../db/queries/cohort-members";
import { createCohort } from "../../db/queries/communities";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { ErrorList, Field, SelectField } from "../components/ui/field";
import { forbidden } from "../utils/http.server";
import { canCreateCohort } from "../utils/permissions";
import { requireActor, type CurrentActor } from "../utils/permissions.server";
import { schoolYearOf } from "../utils/school-year";

const CohortSchema = z.object({
  authorityId: z.string({ required_error: "Choose the authority." }).uuid("Choose the authority."),
  name: z.string({ required_error: "Enter a name for the cohort." }).trim().min(3, "Enter a name of at least 3 characters.").max(100, "Keep the name under 100 characters."),
  schoolYear: z
    .string({ required_error: "Enter the school year, such as 2026-27." })
    .trim()
    .regex(/^\d{4}-\d{2}$/, "Enter the school year as four digits, a dash and two digits, such as 2026-27.")
    .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), "The second year must follow the first, such as 2026-27."),
});

/** The authorities in which this person may start a cohort (403 when none). */
async function creatableAuthorities(context: LoaderFunctionArgs["context"], actor: CurrentActor) {
  const ids = [...new Set(actor.grants.map((g) => g.authorityId))].filter((id) => canCreateCohort(actor, id));
  if (ids.length === 0) forbidden("Only facilitators can start a cohort.");
  return getAuthoritiesByIds(context.services.db, ids);
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const authorities = await creatableAuthorities(context, actor);
  return json({ authorities: authorities.map((a) => ({ id: a.id, name: a.name })), schoolYear: schoolYearOf(new Date()) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = await requireActor(context, request);
  const authorities = await creatableAuthorities(context, actor);
  const submission = parseWithZod(await request.formData(), { schema: CohortSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { authorityId, name, schoolYear } = submission.value;
  if (!authorities.some((a) => a.id === authorityId)) return json(submission.reply({ fieldErrors: { authorityId: ["Choose the authority."] } }), { status: 400 });
  const { db } = context.services;
  if (await cohortNameTaken(db, authorityId, name, schoolYear)) {
    return json(submission.reply({ fieldErrors: { name: [`A cohort called ${name} already exists for ${schoolYear}.`] } }), { status: 400 });
  }
  const cohort = await createCohort(db, { authorityId, name, schoolYear, facilitatorIds: [actor.userId], leaderIds: [] });
  context.services.logger.info("cohort created", { cohortId: cohort.id, by: actor.userId });
  return redirect(`/cohorts/${cohort.id}/members`);
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
      <p className="text-sm text-slate-700">
        <Link to="/dashboard" className="text-brand-700 underline">
          Dashboard
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Start a cohort</h1>
      <p className="mt-2 text-slate-700">
        A cohort is your group of school leaders meeting monthly for a school year. You will be its facilitator; next you add its
        school leaders.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <ErrorList id={form.errorId} errors={form.errors} />
        {authorities.length > 1 ? (
          <SelectField label="Authority" errors={fields.authorityId.errors} selectProps={getSelectProps(fields.authorityId)}>
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
        <Field label="Name" hint="For example, Kingsmere Leaders' Network." errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <Field
          label="School year"
          hint="Such as 2026-27."
          errors={fields.schoolYear.errors}
          inputProps={{ ...getInputProps(fields.schoolYear, { type: "text" }), inputMode: "numeric", autoComplete: "off" }}
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
