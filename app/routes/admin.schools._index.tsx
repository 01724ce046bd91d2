import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSchools } from "../../db/queries/schools";
import { EmptyState } from "../components/ui/empty-state";
import { forbidden } from "../utils/http.server";
import { canAddSchools } from "../kernel/permissions";
import { requireAuthorityAdmin } from "../features/admin/guard.server";
import { addSchool } from "../features/admin/service.server";
import { AddSchoolForm } from "../features/admin/components/add-school-form";
import { categoryLabels, phaseLabels } from "../kernel/school-phases";
import { SchoolSchema } from "../features/admin/schema";
import { DataTable } from "../components/ui/data-table";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityAdmin(context, request);
  return json({ schools: await listSchools(context.services.db, authorityId) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canAddSchools(actor, authorityId)) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: SchoolSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await addSchool(context.services, actor, authorityId, submission.value);
  if (!result.ok)
    return json(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return json({ ...submission.reply({ resetForm: true }), added: result.school.name });
}

export default function SchoolsPage() {
  const { schools } = useLoaderData<typeof loader>();
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
        <DataTable
          className="mt-4"
          caption="Schools in your authority"
          empty={
            <EmptyState title="No schools yet">
              Add a school with the form, or import many at once from a spreadsheet saved as CSV.
            </EmptyState>
          }
          rows={schools}
          rowKey={(s) => s.id}
          columns={[
            {
              key: "name",
              header: "Name",
              cell: (s) => (
                <Link to={`/schools/${s.id}`} className="text-brand-700 underline">
                  {s.name}
                </Link>
              ),
            },
            { key: "reference", header: "Reference", cell: (s) => s.reference },
            { key: "phase", header: "Phase", cell: (s) => phaseLabels[s.phase] },
            { key: "category", header: "Support category", cell: (s) => categoryLabels[s.category] },
            { key: "locality", header: "Locality", cell: (s) => s.locality },
          ]}
        />
      </section>
      <AddSchoolForm />
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Schools · Commons" }];
