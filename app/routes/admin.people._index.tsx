import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listPeople } from "../../db/queries/users";
import { EmptyState } from "../components/ui/empty-state";
import { requireAuthorityAdmin } from "../utils/permissions.server";
import { roleLabel } from "../utils/roles";

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
      {people.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="Nobody has joined yet">
            <Link to="/admin/invitations" className="font-semibold text-brand-700 underline">
              Invite your first people
            </Link>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">People in your authority and their roles</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Roles</th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-medium">{p.name}</td>
                  <td className="px-3 py-2">{p.email}</td>
                  <td className="px-3 py-2">
                    {p.grants.map((g) => roleLabel(g.role, terminology) + (g.schoolName ? ` (${g.schoolName})` : "")).join("; ")}
                  </td>
                  <td className="px-3 py-2">
                    <Link to={`/admin/people/${p.id}`} className="font-semibold text-brand-700 underline">
                      Change roles<span className="sr-only"> for {p.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "People · Commons" }];
