import { Link } from "@remix-run/react";
import { useDateContext } from "../../../components/date-context";
import { Card } from "../../../components/ui/card";
import { formatCalendarDate } from "../../../kernel/dates";
import { usedSentence } from "../day-budget";
import { recordStateLabels } from "../schema";
import type { VisitRecordSummary } from "./visit-lists";

type Summary = { sipName: string; budget: number; used: number; visitCount: number; records: VisitRecordSummary[] };

/**
 * The school home's card for one year's SIP visits: the SIP, days used and each visit record as a
 * link, so last year's records are two clicks from the school's page once the year is switched.
 */
export function VisitYearCard({
  schoolId,
  yearLabel,
  pastYear,
  summary,
}: {
  schoolId: string;
  yearLabel: string;
  pastYear?: number;
  summary: Summary | null;
}) {
  const ctx = useDateContext();
  const visitsPath = `/schools/${schoolId}/visits${pastYear === undefined ? "" : `?year=${pastYear}`}`;
  return (
    <Card title={`SIP visits, ${yearLabel}`} id="visit-year-heading">
      {summary ? (
        <>
          <p className="text-sm">
            SIP: <span className="font-medium">{summary.sipName}</span> · {usedSentence(summary.budget, summary.used)}
          </p>
          {summary.records.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No visit records yet.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {summary.records.map((r) => (
                <li key={r.id}>
                  <Link to={`/schools/${schoolId}/visits/${r.id}`} className="font-medium text-brand-700 underline">
                    Visit of {formatCalendarDate(r.visitDate, "date", ctx)}
                  </Link>{" "}
                  · {recordStateLabels[r.state]}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="text-sm text-slate-700">No School Improvement Partner was assigned for this year.</p>
      )}
      <p className="mt-3 text-sm">
        <Link to={visitsPath} className="text-brand-700 underline">
          All visits and time, {yearLabel}
        </Link>
      </p>
    </Card>
  );
}
