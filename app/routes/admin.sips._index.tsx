import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getCategoryBudgets, listDeployment } from "../../db/queries/sip-deployment";
import { schoolCategories } from "../../db/schema/school-options";
import { requireDeploymentAdmin } from "../features/deployment/guard.server";
import { setCategoryBudgets } from "../features/deployment/service.server";
import { serviceDeps } from "../features/schools/service-deps.server";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList, Field } from "../components/ui/field";
import { formatNumber } from "../features/visits/day-budget";
import { categoryLabels } from "../kernel/school-phases";
import { CategoryBudgetsSchema } from "../features/deployment/schema";
import { DataTable } from "../components/ui/data-table";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId, year } = await requireDeploymentAdmin(context, request);
  const { db } = context.services;
  const [schools, budgets] = await Promise.all([
    listDeployment(db, authorityId, year),
    getCategoryBudgets(db, authorityId),
  ]);
  return json({ year, schools, budgets });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, ...target } = await requireDeploymentAdmin(context, request);
  const submission = parseWithZod(await request.formData(), { schema: CategoryBudgetsSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await setCategoryBudgets(serviceDeps(context, request), actor, target, submission.value);
  return json({ ...submission.reply(), saved: true });
}

export default function SipDeploymentPage() {
  const { year, schools, budgets } = useLoaderData<typeof loader>();
  const unassigned = schools.filter((s) => !s.assignmentId).length;
  return (
    <main id="main" className="grid grid-cols-1 gap-8 py-6 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="deployment-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="deployment-heading" className="text-2xl font-bold">
            SIP deployment, {year}
          </h1>
          <Link to="/admin/sips/profiles" className="text-sm font-semibold text-brand-700 underline">
            SIP profiles
          </Link>
        </div>
        <p className="mt-1 text-slate-700">
          {schools.length - unassigned} of {schools.length} schools have a School Improvement Partner this year
          {unassigned ? `; ${unassigned} still ${unassigned === 1 ? "needs" : "need"} one.` : "."}
        </p>
        {schools.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="No schools yet">
              <Link to="/admin/schools" className="text-brand-700 underline">
                Add your schools
              </Link>{" "}
              first, then assign a SIP to each.
            </EmptyState>
          </div>
        ) : (
          <DeploymentTable schools={schools} />
        )}
      </section>
      <CategoryBudgetsForm budgets={budgets} />
    </main>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["schools"][number];

function DeploymentTable({ schools }: { schools: Row[] }) {
  return (
    <DataTable
      className="mt-4"
      caption="Each school's SIP and day budget this year"
      rows={schools}
      rowKey={(s) => s.schoolId}
      columns={[
        { key: "school", header: "School", rowHeader: true, cell: (s) => s.name },
        { key: "category", header: "Support category", cell: (s) => categoryLabels[s.category] },
        {
          key: "sip",
          header: "SIP",
          cell: (s) => s.sipName ?? <span className="font-semibold text-amber-900">Unassigned</span>,
        },
        {
          key: "days",
          header: "Days used of budget",
          cell: (s) => (s.dayBudget === null ? "—" : `${formatNumber(s.daysUsed)} of ${formatNumber(s.dayBudget)}`),
        },
        {
          key: "action",
          header: "Action",
          cell: (s) => (
            <Link to={`/admin/sips/${s.schoolId}`} className="font-semibold text-brand-700 underline">
              {s.assignmentId ? "Change" : "Find a SIP"}
              <span className="sr-only"> for {s.name}</span>
            </Link>
          ),
        },
      ]}
    />
  );
}

function CategoryBudgetsForm({ budgets }: { budgets: Record<(typeof schoolCategories)[number], number> }) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "category-budgets",
    lastResult,
    defaultValue: Object.fromEntries(schoolCategories.map((c) => [c, String(budgets[c])])),
    constraint: getZodConstraint(CategoryBudgetsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CategoryBudgetsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saved = lastResult && "saved" in lastResult;
  return (
    <section
      aria-labelledby="budgets-heading"
      className="self-start rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="budgets-heading" className="text-lg font-semibold">
        Default day budgets
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        A new assignment starts with its school category's budget. Give more days where schools need more support:
        intervention in inverse proportion to success.
      </p>
      {saved ? (
        <p role="status" className="mt-2 rounded bg-brand-50 p-2 text-sm text-brand-800">
          The default budgets were saved.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <ErrorList id={form.errorId} errors={form.errors} />
        {schoolCategories.map((c) => (
          <Field
            key={c}
            label={`${categoryLabels[c]} (days)`}
            errors={fields[c].errors}
            inputProps={{ ...getInputProps(fields[c], { type: "number" }), step: 0.5, min: 0.5 }}
          />
        ))}
        <Button type="submit" pending={navigation.state === "submitting"}>
          Save default budgets
        </Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "SIP deployment · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
