import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { areaLabel } from "../kernel/plan-areas";
import { requirePlanAccess, requirePriority } from "../features/plans/guard.server";
import { usePlanYear } from "../features/plans/components/use-plan-year";
import { schoolYearLabel } from "../features/schools/components/year-switcher";

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
  const { yearQuery, pastYear, shownYear } = usePlanYear();
  const base = `/schools/${schoolId}/plan/priorities/${priority.id}`;
  const tab = ({ isActive }: { isActive: boolean }) =>
    `inline-block border-b-2 px-3 py-2 text-sm font-semibold ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"}`;
  return (
    <>
      <p className="mt-4 text-sm">
        <Link to={`/schools/${schoolId}/plan${yearQuery}`} className="text-brand-700 underline">
          All priorities
        </Link>
      </p>
      <p className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-600">Priority · {priority.area}</p>
      <h1 className="mt-1 text-3xl font-bold">{priority.title}</h1>
      {pastYear ? (
        <p className="mt-2 inline-block rounded-md border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900">
          From the {schoolYearLabel(shownYear)} plan (read only)
        </p>
      ) : null}
      <nav aria-label="Priority views" className="mt-4 border-b border-slate-200">
        <NavLink to={`${base}${yearQuery}`} end className={tab}>
          Targets and actions
        </NavLink>
        <NavLink to={`${base}/trail${yearQuery}`} className={tab}>
          Evidence trail
        </NavLink>
      </nav>
      <Outlet />
    </>
  );
}
