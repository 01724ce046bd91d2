import { NavLink } from "@remix-run/react";
import { Breadcrumbs } from "../../../components/ui/breadcrumbs";

const tabs = [
  { to: "", label: "Overview", end: true },
  { to: "sessions", label: "Sessions" },
  { to: "members", label: "Members" },
  { to: "survey", label: "Trust survey" },
  { to: "communities", label: "Communities" },
  { to: "playlist", label: "Playlist" },
  { to: "practice", label: "Between sessions" },
  { to: "outcomes", label: "Outcomes" },
];

/** The top of every cohort page: the breadcrumb trail, the cohort's name and year, the page title, and the tabs. */
export function CohortHeader({
  cohort,
  title,
}: {
  cohort: { id: string; name: string; schoolYear: string };
  title: string;
}) {
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Dashboard", to: "/dashboard" },
          { label: "Cohorts", to: "/cohorts" },
          { label: `${cohort.name} (${cohort.schoolYear})`, to: `/cohorts/${cohort.id}` },
          { label: sentence(title) },
        ]}
      />
      <h1 className="text-2xl font-bold">
        {cohort.name}: {title}
      </h1>
      <nav aria-label="Cohort" className="mt-3">
        <ul className="flex flex-wrap gap-2 text-sm">
          {tabs.map((t) => (
            <li key={t.to}>
              <NavLink
                to={`/cohorts/${cohort.id}${t.to ? `/${t.to}` : ""}`}
                end={t.end}
                className={({ isActive }) =>
                  `inline-block rounded-full px-3 py-1 ${isActive ? "bg-brand-700 text-white" : "bg-brand-50 text-brand-800 hover:bg-brand-100"}`
                }
              >
                {t.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** "trust survey" as a crumb: "Trust survey". */
function sentence(title: string) {
  return title.charAt(0).toUpperCase() + title.slice(1);
}
