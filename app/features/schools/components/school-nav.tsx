import { NavLink } from "@remix-run/react";

export type SchoolLinks = { plan: boolean; visits: boolean; reports: boolean };

/**
 * The sections of a school's pages, shown only to those who may open them (canViewSchoolImprovement
 * for the plan and visits, reportAudiencesFor for reports), so nobody is offered a link that 404s.
 */
export function SchoolNav({ schoolId, links }: { schoolId: string; links: SchoolLinks }) {
  const items = [
    { to: `/schools/${schoolId}`, label: "Overview", end: true, show: true },
    { to: `/schools/${schoolId}/plan`, label: "Improvement plan", end: false, show: links.plan },
    { to: `/schools/${schoolId}/visits`, label: "Visits", end: false, show: links.visits },
    { to: `/schools/${schoolId}/reports`, label: "Reports", end: false, show: links.reports },
  ].filter((i) => i.show);
  if (items.length < 2) return null;
  return (
    <nav aria-label="School sections" className="mt-3">
      <ul className="flex flex-wrap gap-2 text-sm">
        {items.map((i) => (
          <li key={i.to}>
            <NavLink
              to={i.to}
              end={i.end}
              className={({ isActive }) =>
                `inline-block rounded-full px-3 py-1 font-medium ${isActive ? "bg-brand-700 text-white" : "bg-brand-50 text-brand-800 hover:bg-brand-100"}`
              }
            >
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
