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
        className="min-h-11 w-32 rounded border border-brand-50 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-600 lg:w-48"
      />
      <button
        type="submit"
        className="min-h-11 rounded border border-brand-50 px-3 py-1.5 text-sm font-medium hover:bg-brand-800"
      >
        Search
      </button>
    </Form>
  );
}
