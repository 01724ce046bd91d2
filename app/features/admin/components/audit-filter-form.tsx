import { Form } from "@remix-run/react";
import type { AuditResourceKind } from "../../../../db/queries/audit";
import { Button } from "../../../components/ui/button";

/** What each kind of audited read is called on the page. */
export const kindLabels: Record<AuditResourceKind, string> = {
  visit_record: "Visit record",
  report: "Report",
  report_pdf: "Report PDF",
};

/** Narrows the audit log to one school and/or one kind of record (a GET form: the filters live in the address). */
export function AuditFilterForm({
  filter,
  schools,
}: {
  filter: { school: string; kind: string };
  schools: Array<{ id: string; name: string }>;
}) {
  return (
    <Form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      <div>
        <label htmlFor="audit-school" className="block text-sm font-medium text-slate-800">
          School
        </label>
        <select
          id="audit-school"
          name="school"
          defaultValue={filter.school}
          className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">All schools</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-kind" className="block text-sm font-medium text-slate-800">
          What was read
        </label>
        <select
          id="audit-kind"
          name="kind"
          defaultValue={filter.kind}
          className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">Everything</option>
          {Object.entries(kindLabels).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </Form>
  );
}
