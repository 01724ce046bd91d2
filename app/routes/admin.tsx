import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { StatusPage } from "../components/status-page";
import { requireAuthorityAdmin } from "../features/admin/guard.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityAdmin(context, request);
  const authority = await getAuthority(context.services.db, authorityId);
  return json({ authorityName: authority?.name ?? "Your authority" });
}

const sections = [
  { to: "/admin", label: "Overview", end: true },
  { to: "/admin/schools", label: "Schools" },
  { to: "/admin/people", label: "People and roles" },
  { to: "/admin/invitations", label: "Invitations" },
  { to: "/admin/outbox", label: "Outbox" },
  { to: "/admin/sips", label: "SIP deployment" },
  { to: "/admin/audit", label: "Audit log" },
  { to: "/admin/settings", label: "Settings" },
];

export default function AdminLayout() {
  const { authorityName } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <p className="text-sm font-medium text-slate-700">{authorityName}</p>
      <nav aria-label="Authority admin" className="no-print mt-2 flex flex-wrap gap-2 border-b border-slate-300 pb-3">
        {sections.map((s) => (
          <NavLink
            key={s.to}
            to={s.to}
            end={s.end}
            className={({ isActive }) =>
              `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50"}`
            }
          >
            {s.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <StatusPage />;
}
