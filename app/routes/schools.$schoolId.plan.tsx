import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { listUnreadAlerts, markAlertsRead } from "../../db/queries/plan-comments";
import { PlanAlerts } from "../features/plans/components/plan-alerts";
import { SchoolCrumbs, SchoolNav } from "../features/schools/components/school-nav";
import { schoolNavLinks } from "../features/schools/guard.server";
import { StatusPage, statusTitle } from "../components/status-page";
import { PLAN_NOT_FOR_GOVERNORS_TITLE, PlanNotForGovernors } from "../features/plans/components/plan-not-for-governors";
import { governorPlanRefusal } from "../features/plans/governor-refusal";
import { invariantResponse } from "../utils/http.server";
import { planPath, requirePlanAccess } from "../features/plans/guard.server";
import { schoolYearsFor } from "../features/schools/school-year.server";

/**
 * The frame of every plan page: the school, the year on show (and the years it has plans for), its
 * sections, and new feedback for the person.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const access = await requirePlanAccess(context, request, params.schoolId, now);
  const { db } = context.services;
  const [alerts, years] = await Promise.all([
    listUnreadAlerts(db, access.actor.userId, planPath(access.scope.schoolId)),
    schoolYearsFor(db, access.scope.schoolId, now, access.shownYear),
  ]);
  return json({
    school: { id: access.school.id, name: access.school.name },
    year: access.year,
    shownYear: access.shownYear,
    pastYear: access.pastYear,
    years,
    yearQuery: access.pastYear ? `?year=${access.shownYear}` : "",
    alerts,
    links: schoolNavLinks(access.actor, access.scope),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const form = await request.formData();
  invariantResponse(form.get("intent") === "mark-alerts-read", "Unknown request");
  await markAlertsRead(context.services.db, access.actor.userId, planPath(access.scope.schoolId));
  return redirect(planPath(access.scope.schoolId));
}

export default function PlanLayout() {
  const { school, year, alerts, links } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <SchoolCrumbs school={school} year={year} />
      <SchoolNav schoolId={school.id} links={links} />
      <PlanAlerts schoolId={school.id} alerts={alerts} />
      <Outlet />
    </main>
  );
}

/** A plan page that fails here is named by its error; otherwise each page names itself. */
export const meta: MetaFunction = ({ error }) => [
  {
    title: error
      ? `${governorPlanRefusal(error) ? PLAN_NOT_FOR_GOVERNORS_TITLE : statusTitle(error)} · Commons`
      : "Improvement plan · Commons",
  },
];

/** A school's governor is told what they may see instead of the plan; any other error, the usual page. */
export function ErrorBoundary() {
  const refusal = governorPlanRefusal(useRouteError());
  return refusal ? <PlanNotForGovernors reportsPath={refusal.reportsPath} /> : <StatusPage />;
}
