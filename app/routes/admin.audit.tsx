import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AUDIT_PAGE_SIZE, listAuditLog } from "../../db/queries/audit";
import { listSchools } from "../../db/queries/schools";
import { StatusPage } from "../components/status-page";
import { EmptyState } from "../components/ui/empty-state";
import { forbidden } from "../utils/http.server";
import { FormattedDate, useTerminology } from "../components/date-context";
import { roleLabel } from "../kernel/terminology";
import { canViewAuditLog } from "../kernel/permissions";
import { parseAuditFilter } from "../features/admin/audit-filter.server";
import { AuditFilterForm, kindLabels } from "../features/admin/components/audit-filter-form";
import { requireAuthorityAdmin } from "../features/admin/guard.server";
import { DataTable } from "../components/ui/data-table";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canViewAuditLog(actor, authorityId)) forbidden();
  const { db } = context.services;
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const { page } = filter;
  const [{ rows, total }, schools] = await Promise.all([
    listAuditLog(db, authorityId, filter),
    listSchools(db, authorityId),
  ]);
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

export default function AuditLogPage() {
  const { entries, total, page, pageSize, pages, filter, schools } = useLoaderData<typeof loader>();
  const head = roleLabel("school_leader", useTerminology()).toLowerCase();
  const pageLink = (p: number) =>
    `?${new URLSearchParams({ ...(filter.school && { school: filter.school }), ...(filter.kind && { kind: filter.kind }), page: String(p) })}`;
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Every time someone opened a school's visit record or report: who, when and what. Newest first.
      </p>
      <AuditFilterForm filter={filter} schools={schools} />
      <DataTable
        className="mt-4"
        caption={
          <>
            Reads {(page - 1) * pageSize + 1} to {(page - 1) * pageSize + entries.length} of {total}
          </>
        }
        empty={
          <EmptyState
            title={filter.school || filter.kind ? "Nothing matches these filters" : "Nobody has read a record yet"}
          >
            {filter.school || filter.kind
              ? "Choose all schools and everything to see the whole log."
              : `When a ${head}, SIP or admin opens a visit record or report, it is listed here.`}
          </EmptyState>
        }
        rows={entries}
        rowKey={(e) => e.id}
        columns={[
          {
            key: "when",
            header: "When",
            className: "whitespace-nowrap",
            cell: (e) => <FormattedDate value={e.at} style="medium-date-time-seconds" />,
          },
          {
            key: "who",
            header: "Who",
            cell: (e) => (e.actorName ? `${e.actorName} (${e.actorEmail})` : "A deleted account"),
          },
          {
            key: "what",
            header: "What",
            cell: (e) => (
              <>
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
              </>
            ),
          },
          { key: "school", header: "School", cell: (e) => e.schoolName ?? "—" },
        ]}
      />
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
