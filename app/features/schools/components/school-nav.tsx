import { NavLink, useLocation } from "@remix-run/react";
import { Breadcrumbs, type Crumb } from "../../../components/ui/breadcrumbs";

export type SchoolLinks = { plan: boolean; visits: boolean; reports: boolean; brokering?: boolean };

/** `?year=2025` for a past year chosen with the year switcher, so moving between sections keeps it. */
const yearQuery = (pastYear?: number) => (pastYear === undefined ? "" : `?year=${pastYear}`);

/**
 * The sections of a school's pages, shown only to those who may open them (canViewSchoolImprovement
 * for the plan and visits, reportAudiencesFor for reports, canDoSipWork for brokering), so nobody is
 * offered a link that 404s. `pastYear` (only when a past year is shown) is carried to the overview,
 * plan and visits; reports and brokering list every year anyway.
 */
export function SchoolNav({ schoolId, links, pastYear }: { schoolId: string; links: SchoolLinks; pastYear?: number }) {
  const q = yearQuery(pastYear);
  const items = [
    { to: `/schools/${schoolId}${q}`, label: "Overview", end: true, show: true },
    { to: `/schools/${schoolId}/plan${q}`, label: "Improvement plan", end: false, show: links.plan },
    { to: `/schools/${schoolId}/visits${q}`, label: "Visits", end: false, show: links.visits },
    { to: `/schools/${schoolId}/reports`, label: "Reports", end: false, show: links.reports },
    { to: `/schools/${schoolId}/brokering`, label: "Brokering", end: false, show: links.brokering ?? false },
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

const sections: Record<string, { label: string; detail: string }> = {
  plan: { label: "Improvement plan", detail: "Priority" },
  visits: { label: "Visits", detail: "Visit record" },
  reports: { label: "Reports", detail: "Report" },
  brokering: { label: "Brokering", detail: "Proposal" },
};

/** The trail from the person's home to this school page: Dashboard › Schools › the school › section › item. */
export function schoolCrumbs(
  pathname: string,
  school: { id: string; name: string },
  options: { year?: string; here?: string; pastYear?: number } = {},
): Crumb[] {
  const base = `/schools/${school.id}`;
  const q = yearQuery(options.pastYear);
  const trail: Crumb[] = [
    { label: "Dashboard", to: "/dashboard" },
    { label: "Schools", to: "/schools" },
    { label: school.name, to: base + q },
  ];
  const [section, item] = pathname.slice(base.length).split("/").filter(Boolean);
  const known = section ? sections[section] : undefined;
  if (!known) return trail;
  const label = options.year ? `${known.label} ${options.year}` : known.label;
  trail.push({ label, to: `${base}/${section}${section === "reports" || section === "brokering" ? "" : q}` });
  if (item) trail.push({ label: options.here ?? known.detail });
  return trail;
}

/** The breadcrumb trail of a school page, read from the address (the last step is the page itself). */
export function SchoolCrumbs({
  school,
  year,
  here,
  pastYear,
}: {
  school: { id: string; name: string };
  year?: string;
  here?: string;
  pastYear?: number;
}) {
  const { pathname } = useLocation();
  return <Breadcrumbs items={schoolCrumbs(pathname, school, { year, here, pastYear })} />;
}
