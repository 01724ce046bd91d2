import { useRouteLoaderData } from "@remix-run/react";

/** What the plan's frame (routes/schools.$schoolId.plan) says about the year on show. */
export type PlanYear = { shownYear: number; pastYear: boolean; years: number[]; yearQuery: string };

/**
 * The year on show for every plan page: "?year=2025" to carry on links while a past year's plan is
 * open (its priorities only exist in that year), "" for this year's plan.
 */
export function usePlanYear(): PlanYear {
  const data = useRouteLoaderData<PlanYear>("routes/schools.$schoolId.plan");
  return data ?? { shownYear: 0, pastYear: false, years: [], yearQuery: "" };
}
