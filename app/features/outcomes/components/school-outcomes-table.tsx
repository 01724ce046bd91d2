import { Form, Link } from "@remix-run/react";
import { DataTable, type Column } from "../../../components/ui/data-table";
import {
  formatPercent,
  formatPp,
  measureLabels,
  ppAgainstTarget,
  ppChange,
  studentGroupLabels,
  type Measure,
  type StudentGroup,
} from "../outcomes";

type Row = {
  id: string;
  schoolId: string;
  schoolName: string;
  studentGroup: string;
  measure: string;
  baseline: number;
  target: number;
  actual: number | null;
};

const groupLabel = (r: Row) => studentGroupLabels[r.studentGroup as StudentGroup] ?? r.studentGroup;
const measureLabel = (r: Row) => measureLabels[r.measure as Measure] ?? r.measure;

/** Per-school rows with the computed changes; the school's leaders may change or remove their own. */
export function SchoolOutcomesTable({
  rows,
  editableSchoolIds,
  editHref,
}: {
  rows: Row[];
  editableSchoolIds: string[];
  editHref: (id: string) => string;
}) {
  const columns: Column<Row>[] = [
    { key: "school", header: "School", cell: (r) => r.schoolName },
    { key: "group", header: "Student group", cell: groupLabel },
    { key: "measure", header: "Measure", cell: measureLabel },
    { key: "baseline", header: "Baseline", cell: (r) => formatPercent(r.baseline) },
    { key: "target", header: "Target", cell: (r) => formatPercent(r.target) },
    { key: "actual", header: "Actual", cell: (r) => formatPercent(r.actual) },
    { key: "change", header: "Change", className: "font-semibold", cell: (r) => formatPp(ppChange(r)) },
    { key: "against", header: "Against target", cell: (r) => formatPp(ppAgainstTarget(r)) },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (r) =>
        editableSchoolIds.includes(r.schoolId) ? (
          <RowActions id={r.id} label={`${groupLabel(r)}, ${measureLabel(r)}`} editHref={editHref} />
        ) : null,
    },
  ];
  return (
    <DataTable
      className="mt-3"
      caption="Outcomes per school, student group and measure"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowTestId="outcome-row"
    />
  );
}

function RowActions({ id, label, editHref }: { id: string; label: string; editHref: (id: string) => string }) {
  return (
    <div className="flex gap-3">
      <Link to={editHref(id)} className="text-brand-700 underline" aria-label={`Change ${label}`}>
        Change
      </Link>
      <Form method="post">
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          name="intent"
          value="delete"
          className="text-red-800 underline"
          aria-label={`Remove ${label}`}
        >
          Remove
        </button>
      </Form>
    </div>
  );
}
