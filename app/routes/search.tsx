import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SearchResults } from "../components/search/search-results";
import { StatusPage } from "../components/status-page";
import { EmptyState } from "../components/ui/empty-state";
import { requireActor } from "../features/auth/guard.server";
import { isSearchKind, searchKindLabel, searchKinds } from "../features/search/kinds";
import { MAX_QUERY_LENGTH, searchFor } from "../features/search/service.server";
import { previousSchoolYear, schoolYearOf } from "../kernel/school-year";

/** The school years the filter offers: this one and the three before it. */
function yearOptions(now: Date): string[] {
  const years = [schoolYearOf(now)];
  while (years.length < 4) years.push(previousSchoolYear(years[years.length - 1]));
  return years;
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const kindParam = params.get("kind");
  const kind = isSearchKind(kindParam) ? kindParam : null;
  const years = yearOptions(new Date());
  const yearParam = params.get("year") ?? "";
  const schoolYear = years.includes(yearParam) ? yearParam : null;
  const groups = await searchFor(context.services, actor, { q, kind, schoolYear });
  return json({
    q,
    kind,
    schoolYear,
    years,
    groups: groups?.map((g) => ({ ...g, label: searchKindLabel(g.kind) })) ?? null,
  });
}

export default function SearchPage() {
  const { q, kind, schoolYear, years, groups } = useLoaderData<typeof loader>();
  const moreHref = (k: string) =>
    `/search?${new URLSearchParams({ q, kind: k, ...(schoolYear ? { year: schoolYear } : {}) })}`;
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">Search</h1>
      <p className="mt-1 text-slate-700">
        Plans, reports, visit records, inquiries, playlists and sessions: everything you can open, and nothing else.
      </p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Search and filters">
        <div className="flex flex-col">
          <label htmlFor="search-q" className="text-sm font-semibold">
            Words to find
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            key={q}
            maxLength={MAX_QUERY_LENGTH}
            className="min-h-11 w-72 rounded border border-slate-400 px-2 py-1.5"
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor="search-kind" className="text-sm font-semibold">
            Show
          </label>
          <select
            id="search-kind"
            name="kind"
            defaultValue={kind ?? ""}
            key={kind}
            className="min-h-11 rounded border border-slate-400 px-2"
          >
            <option value="">Everything</option>
            {searchKinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="search-year" className="text-sm font-semibold">
            School year
          </label>
          <select
            id="search-year"
            name="year"
            defaultValue={schoolYear ?? ""}
            key={schoolYear}
            className="min-h-11 rounded border border-slate-400 px-2"
          >
            <option value="">Any year</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="min-h-11 rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800"
        >
          Search
        </button>
      </Form>
      {groups === null ? (
        <div className="mt-6">
          <EmptyState title="What are you looking for?">
            Type a word or two, for example a pupil group, a priority or something said in a session. Put words in
            quotes to find them together, or put a minus before a word to leave it out.
          </EmptyState>
        </div>
      ) : groups.length === 0 ? (
        <div className="mt-6" data-testid="no-results">
          <EmptyState title={`Nothing found for “${q}”`}>
            Nothing you can open matches these words{kind || schoolYear ? " with these filters" : ""}. Try fewer or
            different words{kind || schoolYear ? ", or show everything in any year" : ""}.
          </EmptyState>
        </div>
      ) : (
        <SearchResults groups={groups} moreHref={kind ? () => null : moreHref} />
      )}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `“${data.q}” · Search · Commons` : "Search · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
