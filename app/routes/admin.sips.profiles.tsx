import type { AdminCrumbHandle } from "./admin";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listSips, type SipSummary } from "../../db/queries/sip-deployment";
import { schoolCategories } from "../../db/schema/school-options";
import { requireDeploymentAdmin } from "../features/deployment/guard.server";
import { saveSipProfile } from "../features/deployment/service.server";
import { serviceDeps } from "../features/schools/service-deps.server";
import { StatusPage } from "../components/status-page";
import { DeploymentCrumb } from "../features/deployment/components/deployment-crumb";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList, Field } from "../components/ui/field";
import { formatNumber } from "../features/visits/day-budget";
import { categoryLabels } from "../kernel/school-phases";
import { SipProfileSchema } from "../features/deployment/schema";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId, year } = await requireDeploymentAdmin(context, request);
  return json({ year, sips: await listSips(context.services.db, authorityId, year) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor: _actor, ...target } = await requireDeploymentAdmin(context, request);
  const submission = parseWithZod(await request.formData(), { schema: SipProfileSchema });
  const userId = submission.payload.userId;
  if (submission.status !== "success") return json({ userId, result: submission.reply() }, { status: 400 });
  // Only the authority's own SIPs have profiles here; anyone else's id is "not found".
  if (!(await saveSipProfile(serviceDeps(context, request), target, submission.value)).ok)
    throw new Response("Not found", { status: 404 });
  return json({ userId, result: submission.reply(), saved: true });
}

export default function SipProfilesPage() {
  const { year, sips } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="py-6">
      <DeploymentCrumb />
      <h1 className="mt-1 text-2xl font-bold">SIP profiles</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Where each School Improvement Partner works, how many days a year they can give, and the school categories they
        know best. The matching suggestions use these.
      </p>
      {sips.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No SIPs yet">
            Give someone the School Improvement Partner role on{" "}
            <Link to="/admin/people" className="text-brand-700 underline">
              People and roles
            </Link>
            .
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          {sips.map((s) => (
            <li key={s.userId}>
              <ProfileForm sip={s} year={year} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function ProfileForm({ sip, year }: { sip: SipSummary; year: string }) {
  const data = useActionData<typeof action>();
  const mine = data?.userId === sip.userId ? data : null;
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `profile-${sip.userId}`,
    lastResult: (mine?.result ?? null) as SubmissionResult<string[]> | null,
    defaultValue: {
      userId: sip.userId,
      locality: sip.locality,
      capacityDays: String(sip.capacityDays),
      expertise: sip.expertise,
    },
    constraint: getZodConstraint(SipProfileSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SipProfileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const value = fields.expertise.value;
  const chosen = new Set(
    Array.isArray(value) ? value : typeof value === "string" ? [value] : mine ? [] : sip.expertise,
  );
  return (
    <section
      aria-labelledby={`sip-${sip.userId}`}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={`sip-${sip.userId}`} className="text-lg font-semibold">
        {sip.name}
      </h2>
      <p className="text-sm text-slate-700">
        {formatNumber(sip.daysBudgeted)} of {formatNumber(sip.capacityDays)} days budgeted in {year}
      </p>
      {mine && "saved" in mine ? (
        <p role="status" className="mt-2 rounded bg-brand-50 p-2 text-sm text-brand-800">
          The profile was saved.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="userId" value={sip.userId} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Locality"
          hint="The area they work in, as on the schools list."
          errors={fields.locality.errors}
          inputProps={getInputProps(fields.locality, { type: "text" })}
        />
        <Field
          label="Capacity (days a year)"
          errors={fields.capacityDays.errors}
          inputProps={{ ...getInputProps(fields.capacityDays, { type: "number" }), step: 0.5, min: 0.5 }}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Expertise</legend>
          {schoolCategories.map((c) => (
            <label key={c} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={fields.expertise.name}
                value={c}
                defaultChecked={chosen.has(c)}
                className="h-4 w-4"
              />
              {categoryLabels[c]}
            </label>
          ))}
          <ErrorList id={fields.expertise.errorId} errors={fields.expertise.errors} />
        </fieldset>
        <Button type="submit" variant="secondary" pending={navigation.state === "submitting"}>
          Save profile<span className="sr-only"> of {sip.name}</span>
        </Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "SIP profiles · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}

/** The last step of the admin area's breadcrumb trail. */
export const handle: AdminCrumbHandle = { crumb: () => "SIP profiles" };
