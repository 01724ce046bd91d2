import { Link } from "@remix-run/react";
import { FormattedDate } from "../date-context";
import { Snippet } from "./snippet";

export type ShownResult = {
  key: string;
  title: string;
  context: string | null;
  snippet: { text: string; marked: boolean }[];
  href: string;
  schoolYear: string | null;
  date: string | null;
};

export type ShownGroup = { kind: string; label: string; total: number; results: ShownResult[] };

/** The results, one section per kind, each with how many there are and a link to see only that kind. */
export function SearchResults({
  groups,
  moreHref,
}: {
  groups: ShownGroup[];
  moreHref: (kind: string) => string | null;
}) {
  return (
    <div className="mt-6 space-y-8">
      {groups.map((group) => {
        const more = group.total > group.results.length ? moreHref(group.kind) : null;
        return (
          <section key={group.kind} aria-labelledby={`results-${group.kind}`} data-testid={`results-${group.kind}`}>
            <h2 id={`results-${group.kind}`} className="text-xl font-semibold">
              {group.label} <span className="text-base font-normal text-slate-700">({group.total})</span>
            </h2>
            <ol className="mt-3 space-y-3">
              {group.results.map((r) => (
                <li key={r.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="search-result">
                  <Link to={r.href} className="font-semibold text-brand-700 underline">
                    {r.title}
                  </Link>
                  <p className="mt-0.5 text-sm text-slate-700">
                    {[r.context, r.schoolYear ? `School year ${r.schoolYear}` : null].filter(Boolean).join(" · ")}
                    {r.date ? (
                      <>
                        {" · "}
                        <FormattedDate value={r.date} style="short-date" />
                      </>
                    ) : null}
                  </p>
                  <p className="mt-2 text-sm text-slate-800">
                    <Snippet segments={r.snippet} />
                  </p>
                </li>
              ))}
            </ol>
            {more ? (
              <p className="mt-2 text-sm">
                <Link to={more} className="text-brand-700 underline">
                  Show all {group.total} in {group.label.toLowerCase()}
                </Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
