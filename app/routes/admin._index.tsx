import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getAuthoritySummary } from "../../db/queries/dashboard";
import { requireAuthorityAdmin } from "../features/admin/guard.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityAdmin(context, request);
  return json(await getAuthoritySummary(context.services.db, authorityId));
}

export default function AdminOverview() {
  const s = useLoaderData<typeof loader>();
  const items = [
    {
      label: "Schools",
      value: s.schools,
      to: "/admin/schools",
      action: s.schools ? "Manage schools" : "Add your first school",
    },
    { label: "People", value: s.people, to: "/admin/people", action: "See people and roles" },
    { label: "Invitations waiting", value: s.pendingInvitations, to: "/admin/invitations", action: "Invite someone" },
  ];
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">Authority overview</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-3">
        {items.map((i) => (
          <li key={i.label} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <p className="text-sm text-slate-700">{i.label}</p>
            <p className="text-3xl font-bold">{i.value}</p>
            <Link to={i.to} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
              {i.action}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Authority admin · Commons" }];
