import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { areaLabel } from "../kernel/plan-areas";
import { requirePlanAccess, requirePriority } from "../features/plans/guard.server";

/**
 * The frame of a priority's pages: its title and area, and its two views (the plan items, the
 * evidence trail). A 404 here (another school's priority) is shown by the plan's error boundary.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const { priority } = await requirePriority(context, access, params.priorityId);
  return json({
    schoolId: access.scope.schoolId,
    priority: { id: priority.id, title: priority.title, area: areaLabel(priority.area, access.school.terminology) },
  });
}

export default function PriorityLayout() {
  const { schoolId, priority } = useLoaderData<typeof loader>();
  const base = `/schools/${schoolId}/plan/priorities/${priority.id}`;
  const tab = ({ isActive }: { isActive: boolean }) =>
    `inline-block border-b-2 px-3 py-2 text-sm font-semibold ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"}`;
  return (
    <>
      <p className="mt-4 text-sm">
        <Link to={`/schools/${schoolId}/plan`} className="text-brand-700 underline">
          All priorities
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{priority.title}</h1>
      <p className="text-sm text-slate-700">{priority.area}</p>
      <nav aria-label="Priority views" className="mt-3 border-b border-slate-200">
        <NavLink to={base} end className={tab}>
          Targets and actions
        </NavLink>
        <NavLink to={`${base}/trail`} className={tab}>
          Evidence trail
        </NavLink>
      </nav>
      <Outlet />
    </>
  );
}
