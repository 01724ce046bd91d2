import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useLocation, useMatches } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { StatusPage } from "../components/status-page";
import { Breadcrumbs, type Crumb } from "../components/ui/breadcrumbs";
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

/** A child page deeper than its section names itself for the trail: `export const handle = { crumb: (data) => … }`. */
export type AdminCrumbHandle = { crumb?: (data: unknown) => string | null };

/** Dashboard › the authority › the section › the page (a person, a school…), the last one unlinked. */
function useAdminCrumbs(authorityName: string): Crumb[] {
  const { pathname } = useLocation();
  const matches = useMatches();
  const section = [...sections]
    .filter((s) => pathname === s.to || (!s.end && pathname.startsWith(`${s.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0];
  const leaf = matches.at(-1);
  const detail = (leaf?.handle as AdminCrumbHandle | undefined)?.crumb?.(leaf?.data) ?? null;
  const crumbs: Crumb[] = [
    { label: "Dashboard", to: "/dashboard" },
    { label: authorityName, to: "/admin" },
  ];
  if (section && section.to !== "/admin") crumbs.push({ label: section.label, to: section.to });
  if (detail) crumbs.push({ label: detail });
  else if (crumbs.length > 2) delete crumbs[crumbs.length - 1].to;
  else delete crumbs[1].to;
  return crumbs;
}

export default function AdminLayout() {
  const { authorityName } = useLoaderData<typeof loader>();
  const crumbs = useAdminCrumbs(authorityName);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs items={crumbs} />
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
