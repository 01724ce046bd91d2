import { Link } from "@remix-run/react";

/** One step of the trail: a link, except the page itself (the last), which has none. */
export type Crumb = { label: string; to?: string };

/** Where this page sits, from the person's home: a labelled ordered list, the last item marked as the current page. */
export function Breadcrumbs({ items, className }: { items: Crumb[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={`no-print text-sm text-slate-700 ${className ?? ""}`.trim()}>
      <ol className="flex flex-wrap items-center gap-x-1.5">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${c.label}`} className="flex items-center gap-x-1.5">
              {i > 0 ? (
                <span aria-hidden="true" className="text-slate-500">
                  ›
                </span>
              ) : null}
              {last ? (
                <span aria-current="page" className="font-medium text-slate-900">
                  {c.label}
                </span>
              ) : c.to ? (
                <Link to={c.to} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {c.label}
                </Link>
              ) : (
                <span>{c.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
