import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listPeople } from "../../db/queries/users";
import { EmptyState } from "../components/ui/empty-state";
import { requireAuthorityAdmin } from "../features/admin/guard.server";
import { roleLabel } from "../kernel/terminology";
import { DataTable } from "../components/ui/data-table";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityAdmin(context, request);
  const { db } = context.services;
  const [people, authority] = await Promise.all([listPeople(db, authorityId), getAuthority(db, authorityId)]);
  return json({ people, terminology: authority?.terminology ?? "en-GB" });
}

export default function PeoplePage() {
  const { people, terminology } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="py-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">People and roles ({people.length})</h1>
        <Link to="/admin/invitations" className="text-sm font-semibold text-brand-700 underline">
          Invite someone
        </Link>
      </div>
      <DataTable
        className="mt-4"
        caption="People in your authority and their roles"
        empty={
          <EmptyState title="Nobody has joined yet">
            <Link to="/admin/invitations" className="font-semibold text-brand-700 underline">
              Invite your first people
            </Link>
          </EmptyState>
        }
        rows={people}
        rowKey={(p) => p.id}
        columns={[
          { key: "name", header: "Name", className: "font-medium", cell: (p) => p.name },
          { key: "email", header: "Email", cell: (p) => p.email },
          {
            key: "roles",
            header: "Roles",
            cell: (p) =>
              p.grants
                .map((g) => roleLabel(g.role, terminology) + (g.schoolName ? ` (${g.schoolName})` : ""))
                .join("; "),
          },
          {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            cell: (p) => (
              <Link to={`/admin/people/${p.id}`} className="font-semibold text-brand-700 underline">
                Change roles<span className="sr-only"> for {p.name}</span>
              </Link>
            ),
          },
        ]}
      />
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "People · Commons" }];
