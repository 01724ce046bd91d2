import { Link, NavLink } from "@remix-run/react";

const steps = [
  { to: "", label: "Home", end: true },
  { to: "inquiry", label: "1–3. Stories, needs and peer check" },
  { to: "board", label: "4. Root causes" },
  { to: "questions", label: "5. How might we…" },
  { to: "plan", label: "6. Link to my plan" },
  { to: "playlist", label: "Playlist" },
];

/** The guided inquiry's steps, as links between a community's shared surfaces. */
export function CommunityNav({ communityId }: { communityId: string }) {
  return (
    <nav aria-label="Inquiry steps" className="mt-3">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((s) => (
          <li key={s.to}>
            <NavLink
              to={`/communities/${communityId}${s.to ? `/${s.to}` : ""}`}
              end={s.end}
              className={({ isActive }) =>
                `inline-block rounded-full px-3 py-1 ${isActive ? "bg-brand-700 text-white" : "bg-brand-50 text-brand-800 hover:bg-brand-100"}`
              }
            >
              {s.label}
            </NavLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The top of every community page: cohort and way back, the page's title, and the steps. */
export function CommunityHeader({ community, title }: { community: { id: string; name: string; cohortName: string }; title: string }) {
  return (
    <>
      <p className="text-sm text-slate-700">
        {community.cohortName} ·{" "}
        <Link to="/dashboard" className="text-brand-700 underline">
          Dashboard
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {community.name}: {title}
      </h1>
      <CommunityNav communityId={community.id} />
    </>
  );
}
