import { Link } from "@remix-run/react";
import { Card } from "../../../components/ui/card";

/** A leader's way in from the cohort overview: their community, then the cohort's pages. */
export function LeaderLinks({ base, communities }: { base: string; communities: Array<{ id: string; name: string }> }) {
  return (
    <Card title="Your community and quick links">
      {communities.length === 0 ? (
        <p className="text-sm text-slate-700">
          Your facilitator will place you in a community of practice once everyone has named their equity challenge.
        </p>
      ) : (
        <ul className="space-y-1">
          {communities.map((c) => (
            <li key={c.id}>
              <Link to={`/communities/${c.id}`} className="font-semibold text-brand-700 underline">
                {c.name}: your community&apos;s inquiry
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {[
          ["sessions", "Sessions"],
          ["survey", "Trust survey"],
          ["practice", "Log between-session practice"],
          ["playlist", "Playlist"],
        ].map(([to, label]) => (
          <li key={to}>
            <Link to={`${base}/${to}`} className="text-brand-700 underline">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
