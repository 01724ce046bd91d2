import type { AdminCrumbHandle } from "./admin";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "../components/ui/button";
import { forbidden } from "../utils/http.server";
import { canAddSchools } from "../kernel/permissions";
import { requireAuthorityAdmin } from "../features/admin/guard.server";
import { CSV_COLUMNS, MAX_CSV_ROWS } from "../features/admin/school-csv";
import type { RowError } from "../features/admin/school-csv.server";
import { importSchools } from "../features/admin/service.server";
import { DataTable } from "../components/ui/data-table";

const MAX_BYTES = 1_000_000;

type ActionData = { imported: number; errors: RowError[]; pasted: string };

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireAuthorityAdmin(context, request);
  return json({});
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canAddSchools(actor, authorityId)) forbidden();
  const reply = (data: Omit<ActionData, "pasted"> & { pasted?: string }, status = 200) =>
    json<ActionData>({ pasted: "", ...data }, { status });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES * 2) {
    return reply(
      { imported: 0, errors: [{ row: 0, field: "file", message: "The file is too large (1 MB at most)." }] },
      413,
    );
  }
  const form = await request.formData();
  const file = form.get("file");
  const pasted = String(form.get("pasted") ?? "");
  let text = pasted;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES) {
      return reply(
        { imported: 0, pasted, errors: [{ row: 0, field: "file", message: "The file is too large (1 MB at most)." }] },
        413,
      );
    }
    text = await file.text();
  }
  if (!text.trim()) {
    return reply(
      { imported: 0, pasted, errors: [{ row: 0, field: "file", message: "Choose a CSV file or paste its contents." }] },
      400,
    );
  }
  const result = await importSchools(context.services, actor, authorityId, text);
  if (!result.ok) return reply({ imported: 0, errors: result.errors, pasted }, result.status);
  return reply({ imported: result.imported, errors: [] });
}

export default function ImportSchools() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <main id="main" className="max-w-3xl py-6">
      <h1 className="text-2xl font-bold">Import schools from a CSV file</h1>
      <p className="mt-2 text-slate-700">
        Save your spreadsheet as CSV with a header row naming these columns: <code>{CSV_COLUMNS.join(", ")}</code>.
        Phase is one of nursery, primary, secondary, all-through, special or alternative provision; support category is
        universal, targeted or intensive. Up to {MAX_CSV_ROWS} schools at a time. If any row has a problem, nothing is
        imported and every problem is listed, so you can fix the file and try again.
      </p>
      {data && data.imported > 0 ? (
        <p role="status" className="mt-4 rounded-md bg-brand-50 p-3 text-brand-800">
          {data.imported} {data.imported === 1 ? "school was" : "schools were"} imported.{" "}
          <Link to="/admin/schools" className="font-semibold underline">
            See all schools
          </Link>
        </p>
      ) : null}
      {data && data.errors.length > 0 ? <ImportErrors errors={data.errors} /> : null}
      <Form method="post" encType="multipart/form-data" className="mt-6 space-y-5 rounded-lg bg-white p-5 shadow-sm">
        <div>
          <label htmlFor="file" className="block text-sm font-medium">
            CSV file
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" className="mt-1 block text-sm" />
        </div>
        <div>
          <label htmlFor="pasted" className="block text-sm font-medium">
            Or paste the CSV here
          </label>
          <textarea
            id="pasted"
            name="pasted"
            rows={8}
            defaultValue={data?.pasted ?? ""}
            className="mt-1 block w-full rounded-md border border-slate-400 p-2 font-mono text-sm"
            placeholder={`${CSV_COLUMNS.join(",")}\nAshby Vale Primary School,KB100101,primary,universal,Ashby Vale`}
          />
        </div>
        <Button type="submit" pending={busy}>
          {busy ? "Checking and importing…" : "Import schools"}
        </Button>
      </Form>
    </main>
  );
}

function ImportErrors({ errors }: { errors: RowError[] }) {
  return (
    <section
      aria-labelledby="import-errors"
      role="alert"
      className="mt-4 rounded-md border border-red-300 bg-red-50 p-4"
    >
      <h2 id="import-errors" className="font-semibold text-red-900">
        Nothing was imported. Please fix {errors.length === 1 ? "this problem" : `these ${errors.length} problems`}:
      </h2>
      <DataTable
        variant="plain"
        className="mt-2"
        rows={errors}
        rowKey={(_, i) => String(i)}
        columns={[
          { key: "row", header: "Row", className: "pr-3", headerClassName: "pr-3", cell: (e) => e.row || "—" },
          { key: "field", header: "Column", className: "pr-3", headerClassName: "pr-3", cell: (e) => e.field },
          { key: "message", header: "Problem", cell: (e) => e.message },
        ]}
      />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Import schools · Commons" }];

/** The last step of the admin area's breadcrumb trail. */
export const handle: AdminCrumbHandle = { crumb: () => "Import from CSV" };
