import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { documentName } from "../../collab/doc-names";
import { SESSION_NOTES_FIELD } from "../../collab/documents/session-notes";
import { getSession, listAttendance, listSessionPracticeLogs, recordAttendance } from "../../db/queries/sessions";
import { AttendanceForm } from "../components/attendance-form";
import { CohortHeader } from "../components/cohort-nav";
import { CollaborativeEditor } from "../components/collab/collaborative-editor";
import { colourFor } from "../components/collab/save-state";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument } from "../components/collab/use-collab-document";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../utils/cohort.server";
import { notFound, requireIdParam } from "../utils/http.server";
import { canViewPracticeLog, documentAccess } from "../utils/permissions";
import { agendaMinutes, agendaTimings, clockAfter, protocolById } from "../utils/protocols";
import { formatSessionTime, isMeetingLink } from "../utils/session-time";

async function requireSession(args: LoaderFunctionArgs, need: "view" | "manage") {
  const found = await requireCohort(args.context, args.request, args.params.cohortId, need);
  const session = await getSession(args.context.services.db, found.cohort.id, requireIdParam(args.params.sessionId));
  if (!session) notFound();
  return { ...found, session };
}

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, actor, scope, isFacilitator, session } = await requireSession(args, "view");
  const { db } = args.context.services;
  const [attendance, logs] = await Promise.all([listAttendance(db, cohort.id, session.id), listSessionPracticeLogs(db, session.id)]);
  const access = documentAccess(actor, "session-notes", scope);
  if (access === "none") notFound();
  return json({
    cohort,
    session,
    isFacilitator,
    // Leaders see how many came, not who: the register is the facilitator's.
    attendance: isFacilitator ? attendance : [],
    present: attendance.filter((a) => a.present === true).length,
    recorded: attendance.some((a) => a.present !== null),
    leaderCount: attendance.length,
    logs: logs.filter((log) => canViewPracticeLog(actor, scope, log)),
    docName: documentName("session-notes", session.id),
    access,
    me: { id: actor.userId, name: actor.user.name, color: colourFor(actor.userId) },
  });
}

export async function action(args: ActionFunctionArgs) {
  const { cohort, session, actor } = await requireSession(args, "manage");
  const { db } = args.context.services;
  const form = await args.request.formData();
  const leaders = await listAttendance(db, cohort.id, session.id);
  const entries = leaders.flatMap((l) => {
    const value = form.get(`attendance.${l.userId}`);
    return value === "present" || value === "absent" ? [{ userId: l.userId, present: value === "present" }] : [];
  });
  if (entries.length === 0) return json({ error: "Mark at least one leader present or absent.", saved: null }, { status: 400 });
  await recordAttendance(db, session.id, entries);
  args.context.services.logger.info("attendance recorded", { sessionId: session.id, count: entries.length, by: actor.userId });
  return json({ error: null, saved: `Attendance saved: ${entries.filter((e) => e.present).length} present, ${entries.filter((e) => !e.present).length} absent.` });
}

export default function SessionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cohort, session } = data;
  const collab = useCollabDocument(data.docName, data.me, data.access);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <CohortHeader cohort={cohort} title={session.title} />
      <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="Details" id="details-heading">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">When</dt>
            <dd>
              {formatSessionTime(session.startsAt)}, {session.durationMinutes} minutes
            </dd>
            <dt className="font-medium">Where</dt>
            <dd>
              {!session.place ? "To be confirmed" : isMeetingLink(session.place) ? <a href={session.place} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">Join online (opens in a new tab)</a> : session.place}
            </dd>
          </dl>
          {data.isFacilitator ? (
            <p className="mt-3 text-sm">
              <Link to={`/cohorts/${cohort.id}/sessions/${session.id}/edit`} className="font-semibold text-brand-700 underline">
                Change the details or agenda
              </Link>
            </p>
          ) : null}
        </Card>
        <Card title="Attendance" id="attendance-heading">
          <p className="text-sm" data-testid="attendance-count">
            {data.recorded ? `${data.present} of ${data.leaderCount} leaders present` : "Attendance not taken yet"}
          </p>
          {data.isFacilitator ? <AttendanceForm leaders={data.attendance} error={actionData?.error ?? null} saved={actionData?.saved ?? null} /> : null}
        </Card>
      </div>
      <section aria-labelledby="agenda-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="agenda-heading" className="text-lg font-semibold">
          Agenda ({agendaMinutes(session.agenda)} minutes)
        </h2>
        {session.agenda.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No agenda yet.</p>
        ) : (
          <ol className="mt-3 space-y-2">
            {agendaTimings(session.agenda).map((item, i) => {
              const protocol = protocolById(item.template);
              return (
                <li key={i} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
                  <span className="font-mono text-sm text-slate-700">
                    {clockAfter(session.startsAt, item.from)}–{clockAfter(session.startsAt, item.to)}
                  </span>
                  <span>
                    <span className="font-medium">{protocol.name}</span> ({item.minutes} min)
                    {protocol.purpose ? <span className="block text-sm text-slate-700">{protocol.purpose}</span> : null}
                    {item.note ? <span className="block text-sm">Note: {item.note}</span> : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="notes-heading" className="mt-6">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Session notes
        </h2>
        <p className="text-sm text-slate-700">Shared notes everyone in the session writes together; changes appear for all as they are typed.</p>
        <StickyCollabStatus collab={collab} opening="Opening the shared notes…" />
        {collab ? (
          <CollaborativeEditor doc={collab.doc} provider={collab.provider} field={SESSION_NOTES_FIELD} user={data.me} editable={data.access === "write"} labelId="notes-heading" />
        ) : null}
      </section>
      <PracticeLogs cohortId={cohort.id} logs={data.logs} />
    </main>
  );
}

type Log = { id: string; authorName: string; learningApplied: string; insight: string; sharedWithName: string | null };

function PracticeLogs({ cohortId, logs }: { cohortId: string; logs: Log[] }) {
  return (
    <section aria-labelledby="logs-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="logs-heading" className="text-lg font-semibold">
        Between-session practice logs
      </h2>
      {logs.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No practice logged for this session yet">
            Leaders log the learning they applied, the insight they captured and who they shared it with under{" "}
            <Link to={`/cohorts/${cohortId}/practice`} className="font-semibold text-brand-700 underline">
              Between sessions
            </Link>
            .
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {logs.map((log) => (
            <li key={log.id} className="py-3">
              <p className="font-medium">{log.authorName}</p>
              <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-slate-700">Learning applied</dt>
                <dd>{log.learningApplied}</dd>
                <dt className="text-slate-700">Insight</dt>
                <dd>{log.insight}</dd>
                <dt className="text-slate-700">Shared with</dt>
                <dd>{log.sharedWithName ?? "Not shared yet"}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? "Session"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
