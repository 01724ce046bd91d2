import { Form, useSearchParams, useLocation } from "@remix-run/react";

/**
 * The search box in the header of every signed-in page: a plain GET form to /search, so it works
 * without JavaScript and from the keyboard; on the search page it shows the words searched for.
 */
export function HeaderSearch() {
  const [params] = useSearchParams();
  const onSearchPage = useLocation().pathname === "/search";
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      aria-label="Everything you can see"
      className="flex items-center gap-1"
    >
      <label htmlFor="header-search" className="sr-only">
        Search
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        placeholder="Search"
        defaultValue={onSearchPage ? (params.get("q") ?? "") : ""}
        key={onSearchPage ? params.get("q") : "elsewhere"}
        maxLength={200}
        className="min-h-11 w-28 rounded border border-brand-50 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-600 xl:w-40"
      />
      {/* An icon, so the header stays one line on a laptop; its name is still "Search". */}
      <button
        type="submit"
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-brand-50 hover:bg-brand-800"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only">Search</span>
      </button>
    </Form>
  );
}
