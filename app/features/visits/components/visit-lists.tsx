import { Form, Link, useNavigation } from "@remix-run/react";
import type { RecordState } from "../../../../db/queries/visits";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { useDateContext } from "../../../components/date-context";
import { formatCalendarDate } from "../../../kernel/dates";
import { formatDays } from "../day-budget";
import { recordStateLabels, visitKindLabels, type visitKinds } from "../schema";

export type LoggedVisit = {
  id: string;
  visitDate: string;
  kind: (typeof visitKinds)[number];
  days: number;
  purpose: string;
  recordId: string | null;
};
export type VisitRecordSummary = { id: string; visitDate: string; state: RecordState };

/** The time the SIP logged, each with its visit record; the SIP may remove an entry. */
export function VisitList({
  visits,
  schoolId,
  canEdit,
}: {
  visits: LoggedVisit[];
  schoolId: string;
  canEdit: boolean;
}) {
  const navigation = useNavigation();
  const ctx = useDateContext();
  return (
    <Card title="Time logged">
      {visits.length === 0 ? (
        <EmptyState title="No time logged yet">
          {canEdit
            ? "Log your first visit or preparation time with the form."
            : "The SIP's visits, preparation and report writing will be listed here."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {visits.map((v) => (
            <li key={v.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{formatCalendarDate(v.visitDate, "date", ctx)}</span> ·{" "}
                {visitKindLabels[v.kind]} · {formatDays(v.days)}
                {v.purpose ? ` · ${v.purpose}` : ""}
                {v.recordId ? (
                  <>
                    {" · "}
                    <Link to={`/schools/${schoolId}/visits/${v.recordId}`} className="text-brand-700 underline">
                      Visit record<span className="sr-only"> of {formatCalendarDate(v.visitDate, "date", ctx)}</span>
                    </Link>
                  </>
                ) : null}
              </span>
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="visitId" value={v.id} />
                  <Button
                    type="submit"
                    variant="secondary"
                    className="px-2 py-1"
                    pending={navigation.state === "submitting"}
                  >
                    Remove<span className="sr-only"> the entry of {formatCalendarDate(v.visitDate, "date", ctx)}</span>
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The school's visit records and where each stands. */
export function RecordList({ records, schoolId }: { records: VisitRecordSummary[]; schoolId: string }) {
  const ctx = useDateContext();
  return (
    <Card title="Visit records">
      {records.length === 0 ? (
        <EmptyState title="No visit records yet">
          Each in-school visit the SIP logs gets a two-part record: the school's pre-visit part, then the SIP's.
        </EmptyState>
      ) : (
        <ul className="space-y-2 text-sm">
          {records.map((r) => (
            <li key={r.id}>
              <Link to={`/schools/${schoolId}/visits/${r.id}`} className="font-medium text-brand-700 underline">
                Visit of {formatCalendarDate(r.visitDate, "date", ctx)}
              </Link>{" "}
              · <span data-testid="record-state">{recordStateLabels[r.state]}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
