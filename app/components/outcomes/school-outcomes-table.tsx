import { Form, Link } from "@remix-run/react";
import { formatPercent, formatPp, measureLabels, ppAgainstTarget, ppChange, studentGroupLabels, type Measure, type StudentGroup } from "../../utils/outcomes";

type Row = { id: string; schoolId: string; schoolName: string; studentGroup: string; measure: string; baseline: number; target: number; actual: number | null };

/** Per-school rows with the computed changes; the school's leaders may change or remove their own. */
export function SchoolOutcomesTable({ rows, editableSchoolIds, editHref }: { rows: Row[]; editableSchoolIds: string[]; editHref: (id: string) => string }) {
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Outcomes per school, student group and measure</caption>
        <thead className="bg-slate-100">
          <tr>
            {["School", "Student group", "Measure", "Baseline", "Target", "Actual", "Change", "Against target", "Actions"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold">
                {h === "Actions" ? <span className="sr-only">{h}</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const label = `${studentGroupLabels[r.studentGroup as StudentGroup] ?? r.studentGroup}, ${measureLabels[r.measure as Measure] ?? r.measure}`;
            return (
              <tr key={r.id} className="border-t border-slate-200" data-testid="outcome-row">
                <td className="px-3 py-2">{r.schoolName}</td>
                <td className="px-3 py-2">{studentGroupLabels[r.studentGroup as StudentGroup] ?? r.studentGroup}</td>
                <td className="px-3 py-2">{measureLabels[r.measure as Measure] ?? r.measure}</td>
                <td className="px-3 py-2">{formatPercent(r.baseline)}</td>
                <td className="px-3 py-2">{formatPercent(r.target)}</td>
                <td className="px-3 py-2">{formatPercent(r.actual)}</td>
                <td className="px-3 py-2 font-semibold">{formatPp(ppChange(r))}</td>
                <td className="px-3 py-2">{formatPp(ppAgainstTarget(r))}</td>
                <td className="px-3 py-2">
                  {editableSchoolIds.includes(r.schoolId) ? (
                    <div className="flex gap-3">
                      <Link to={editHref(r.id)} className="text-brand-700 underline" aria-label={`Change ${label}`}>
                        Change
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" name="intent" value="delete" className="text-red-800 underline" aria-label={`Remove ${label}`}>
                          Remove
                        </button>
                      </Form>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
