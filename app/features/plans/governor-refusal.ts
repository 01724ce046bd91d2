import { isRouteErrorResponse } from "@remix-run/react";

/** The 403 a school's governor gets on its plan pages (requireSchoolPlan): where their reports are. */
export type GovernorPlanRefusal = { kind: "governor-plan"; reportsPath: string };

/** The plan guard's 403 for a school's governor, read back from a route error; null for any other error. */
export function governorPlanRefusal(error: unknown): GovernorPlanRefusal | null {
  if (!isRouteErrorResponse(error) || error.status !== 403) return null;
  const data = error.data as Partial<GovernorPlanRefusal> | null;
  return data && data.kind === "governor-plan" && typeof data.reportsPath === "string"
    ? { kind: data.kind, reportsPath: data.reportsPath }
    : null;
}
