import { Link } from "@remix-run/react";
import { DataTable, type Column } from "../../../components/ui/data-table";
import { useDateContext, useTerminology } from "../../../components/date-context";
import { roleLabel } from "../../../kernel/terminology";
import { EmptyState } from "../../../components/ui/empty-state";
import { formatCalendarDate, formatInstant } from "../../../kernel/dates";
import { formatDays } from "../../visits/day-budget";
import { visitKindLabels } from "../../visits/schema";

const link = "font-semibold text-brand-700 underline";

/** A SIP's school this year, as the caseload lists it. */
export type CaseloadSchool = { id: string; name: string; dayBudget: number; used: number; nextVisit: string | null };

/** What a SIP sees when no school is assigned to them this year. */
export function NoSchoolsYet() {
  const admin = roleLabel("authority_admin", useTerminology()).toLowerCase();
  return (
    <EmptyState title="No schools are assigned to you this year">
      Your {admin} assigns schools to School Improvement Partners. Contact them if you expected to see schools here.
    </EmptyState>
  );
}

/** A SIP's schools with days used against the budget and the next visit; each school's name opens it. */
export function CaseloadTable({ schools, caption }: { schools: CaseloadSchool[]; caption: string }) {
  const dates = useDateContext();
  const columns: Column<CaseloadSchool>[] = [
    {
      key: "name",
      header: "School",
      rowHeader: true,
      cell: (s) => (
        <Link to={`/schools/${s.id}`} className={link}>
          {s.name}
        </Link>
      ),
    },
    {
      key: "plan",
      header: "Plan",
      cell: (s) => (
        <Link to={`/schools/${s.id}/plan`} className={link}>
          Improvement plan<span className="sr-only"> of {s.name}</span>
        </Link>
      ),
    },
    { key: "days", header: "Days used", numeric: true, cell: (s) => `${formatDays(s.used)} of ${s.dayBudget}` },
    {
      key: "next",
      header: "Next visit",
      cell: (s) => (s.nextVisit ? formatCalendarDate(s.nextVisit, "date", dates) : "None booked"),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={schools}
      rowKey={(s) => s.id}
      caption={caption}
      empty={<NoSchoolsYet />}
      testId="caseload"
    />
  );
}

/** Time a SIP logged, newest first; each school links to its visits page, each record to the record. */
export function SipVisitsTable({
  visits,
}: {
  visits: Array<{
    id: string;
    visitDate: string;
    kind: keyof typeof visitKindLabels;
    days: number;
    purpose: string;
    recordId: string | null;
    schoolId: string;
    schoolName: string;
  }>;
}) {
  type Row = (typeof visits)[number];
  const dates = useDateContext();
  const columns: Column<Row>[] = [
    { key: "date", header: "Date", cell: (v) => formatCalendarDate(v.visitDate, "date", dates) },
    {
      key: "school",
      header: "School",
      rowHeader: true,
      cell: (v) => (
        <Link to={`/schools/${v.schoolId}/visits`} className={link}>
          {v.schoolName}
        </Link>
      ),
    },
    { key: "kind", header: "Kind", cell: (v) => visitKindLabels[v.kind] },
    { key: "days", header: "Time", numeric: true, cell: (v) => formatDays(v.days) },
    { key: "purpose", header: "Purpose", cell: (v) => v.purpose || "—" },
    {
      key: "record",
      header: "Visit record",
      cell: (v) =>
        v.recordId ? (
          <Link to={`/schools/${v.schoolId}/visits/${v.recordId}`} className={link}>
            Open record
            <span className="sr-only">
              {" "}
              of {formatCalendarDate(v.visitDate, "date", dates)} at {v.schoolName}
            </span>
          </Link>
        ) : (
          "—"
        ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={visits}
      rowKey={(v) => v.id}
      caption="Time you logged this year"
      empty={<EmptyState title="No time logged yet">Log a visit from a school's Visits page.</EmptyState>}
      testId="sip-visits"
    />
  );
}

const statusLabels = { draft: "Draft", shared: "Shared", acknowledged: "Acknowledged" } as const;

/** A SIP's reports, newest first; each title opens the report. */
export function SipReportsTable({
  reports,
}: {
  reports: Array<{
    id: string;
    title: string;
    status: keyof typeof statusLabels;
    sharedAt: string | null;
    schoolId: string;
    schoolName: string;
  }>;
}) {
  type Row = (typeof reports)[number];
  const dates = useDateContext();
  const columns: Column<Row>[] = [
    {
      key: "title",
      header: "Report",
      rowHeader: true,
      cell: (r) => (
        <Link to={`/schools/${r.schoolId}/reports/${r.id}`} className={link}>
          {r.title}
        </Link>
      ),
    },
    {
      key: "school",
      header: "School",
      cell: (r) => (
        <Link to={`/schools/${r.schoolId}/reports`} className="text-brand-700 underline">
          {r.schoolName}
        </Link>
      ),
    },
    {
      key: "status",
      header: "Status",
      cell: (r) => `${statusLabels[r.status]}${r.sharedAt ? ` ${formatInstant(r.sharedAt, "date", dates)}` : ""}`,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={reports}
      rowKey={(r) => r.id}
      caption="Your reports this year"
      empty={<EmptyState title="No reports yet">Start a report from a school's Reports page.</EmptyState>}
      testId="sip-reports"
    />
  );
}
