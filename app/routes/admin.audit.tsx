import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AUDIT_PAGE_SIZE, auditResourceKinds, listAuditLog, type AuditResourceKind } from "../../db/queries/audit";
import { listSchools } from "../../db/queries/schools";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { forbidden } from "../utils/http.server";
import { canViewAuditLog } from "../utils/permissions";
import { requireAuthorityAdmin } from "../utils/permissions.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canViewAuditLog(actor, authorityId)) forbidden();
  const { db } = context.services;
  const params = new URL(request.url).searchParams;
  // Filters come from the address bar: anything unexpected is ignored rather than an error.
  const school = params.get("school") ?? "";
  const kind = params.get("kind") ?? "";
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const filter = {
    schoolId: UUID.test(school) ? school : null,
    resourceKind: (auditResourceKinds as readonly string[]).includes(kind) ? (kind as AuditResourceKind) : null,
    page,
  };
  const [{ rows, total }, schools] = await Promise.all([listAuditLog(db, authorityId, filter), listSchools(db, authorityId)]);
  return json({
    entries: rows,
    total,
    page,
    pageSize: AUDIT_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    filter: { school: filter.schoolId ?? "", kind: filter.resourceKind ?? "" },
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
  });
}

const kindLabels: Record<AuditResourceKind, string> = { visit_record: "Visit record", report: "Report", report_pdf: "Report PDF" };
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

export default function AuditLogPage() {
  const { entries, total, page, pageSize, pages, filter, schools } = useLoaderData<typeof loader>();
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(filter.school && { school: filter.school }), ...(filter.kind && { kind: filter.kind }), page: String(p) })}`;
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 max-w-3xl text-slate-700">Every time someone opened a school's visit record or report: who, when and what. Newest first.</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-school" className="block text-sm font-medium text-slate-800">
            School
          </label>
          <select id="audit-school" name="school" defaultValue={filter.school} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="">All schools</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-kind" className="block text-sm font-medium text-slate-800">
            What was read
          </label>
          <select id="audit-kind" name="kind" defaultValue={filter.kind} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="">Everything</option>
            {Object.entries(kindLabels).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      {entries.length === 0 ? (
        <div className="mt-4">
          <EmptyState title={filter.school || filter.kind ? "Nothing matches these filters" : "Nobody has read a record yet"}>
            {filter.school || filter.kind
              ? "Choose all schools and everything to see the whole log."
              : "When a head teacher, SIP or admin opens a visit record or report, it is listed here."}
          </EmptyState>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">
              Reads {(page - 1) * pageSize + 1} to {(page - 1) * pageSize + entries.length} of {total}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                {["When", "Who", "What", "School"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-t border-slate-200">
                  <td className="px-3 py-2 whitespace-nowrap">{when.format(new Date(e.at))}</td>
                  <td className="px-3 py-2">{e.actorName ? `${e.actorName} (${e.actorEmail})` : "A deleted account"}</td>
                  <td className="px-3 py-2">
                    {e.action === "read" ? "Read" : e.action} {kindLabels[e.resourceKind].toLowerCase()}
                    {e.schoolId ? (
                      <>
                        {" "}
                        <Link
                          to={`/schools/${e.schoolId}/${e.resourceKind === "visit_record" ? "visits" : "reports"}/${e.resourceId}`}
                          className="text-brand-700 underline"
                        >
                          open<span className="sr-only"> this {kindLabels[e.resourceKind].toLowerCase()}</span>
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{e.schoolName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex items-center gap-4 text-sm">
        {page > 1 ? (
          <Link to={pageLink(page - 1)} className="font-semibold text-brand-700 underline">
            Newer
          </Link>
        ) : null}
        <span>
          Page {page} of {pages} · {total} {total === 1 ? "read" : "reads"}
        </span>
        {page < pages ? (
          <Link to={pageLink(page + 1)} className="font-semibold text-brand-700 underline">
            Older
          </Link>
        ) : null}
      </nav>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
