import { Form, Link, useLocation } from "@remix-run/react";

/** A school year for people: 2025 → "2025–26" (an en dash, as schools write it). */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}–${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * Chooses the school year a school page shows. A plain GET form (`?year=2025`), so it works without
 * JavaScript; when scripts run, choosing a year submits at once and the button is a fallback.
 * `years` come from `schoolYearsFor` (newest first, the current year always among them), so the
 * newest is the current year unless `thisYear` says otherwise; any other year gets a read-only notice.
 */
export function YearSwitcher({ years, current, thisYear }: { years: number[]; current: number; thisYear?: number }) {
  const { pathname } = useLocation();
  const latest = thisYear ?? Math.max(current, ...years);
  const options = years.includes(current) ? years : [current, ...years].sort((a, b) => b - a);
  return (
    <div className="mt-3 flex flex-wrap items-end gap-3">
      <Form method="get" action={pathname} className="flex items-end gap-2">
        <label className="flex flex-col text-sm font-medium text-slate-800">
          School year
          <select
            name="year"
            defaultValue={String(current)}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
          >
            {options.map((y) => (
              <option key={y} value={y}>
                {schoolYearLabel(y)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
        >
          Show
        </button>
      </Form>
      {current !== latest ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          You are looking at {schoolYearLabel(current)} (read only).{" "}
          <Link to={pathname} className="font-semibold underline">
            Back to {schoolYearLabel(latest)}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
