import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { documentName } from "../../collab/doc-names";
import { SESSION_NOTES_FIELD } from "../../collab/documents/session-notes";
import { listAttendance, listSessionPracticeLogs } from "../../db/queries/sessions";
import { AttendanceForm } from "../features/sessions/components/attendance-form";
import { SessionAgenda } from "../features/sessions/components/session-agenda";
import { PracticeLogs } from "../features/practice/components/session-logs";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { CollaborativeEditor } from "../components/collab/collaborative-editor";
import { colourFor } from "../kernel/presence";
import { StickyCollabStatus } from "../components/collab/status-bar";
import { useCollabDocument } from "../components/collab/use-collab-document";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { mentionCandidates } from "../features/notifications/mentions.server";
import { requireSession } from "../features/sessions/guard.server";
import { takeAttendance } from "../features/sessions/service.server";
import { notFound } from "../utils/http.server";
import { canViewPracticeLog, documentAccess } from "../kernel/permissions";
import { FormattedDate } from "../components/date-context";
import { isMeetingLink } from "../features/sessions/meeting-link";

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, actor, scope, isFacilitator, session } = await requireSession(args, "view");
  const { db } = args.context.services;
  const [attendance, logs] = await Promise.all([
    listAttendance(db, cohort.id, session.id),
    listSessionPracticeLogs(db, session.id),
  ]);
  const access = documentAccess(actor, "session-notes", scope);
  if (access === "none") notFound();
  const docName = documentName("session-notes", session.id);
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
    docName,
    access,
    // Who "@" offers in the notes: the cohort's people the permission module lets open them.
    mentions: access === "write" ? await mentionCandidates(db, docName, actor.userId) : [],
    me: { id: actor.userId, name: actor.user.name, color: colourFor(actor.userId) },
  });
}

export async function action(args: ActionFunctionArgs) {
  const { cohort, session, actor } = await requireSession(args, "manage");
  const form = await args.request.formData();
  const taken = await takeAttendance(
    args.context.services,
    actor,
    { cohortId: cohort.id, sessionId: session.id },
    (userId) => form.get(`attendance.${userId}`),
  );
  if (!taken.ok) return json({ error: taken.error, saved: null }, { status: 400 });
  return json({ error: null, saved: taken.done });
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
              <FormattedDate value={session.startsAt} style="weekday-date-time" />, {session.durationMinutes} minutes
            </dd>
            <dt className="font-medium">Where</dt>
            <dd>
              {!session.place ? (
                "To be confirmed"
              ) : isMeetingLink(session.place) ? (
                <a href={session.place} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                  Join online (opens in a new tab)
                </a>
              ) : (
                session.place
              )}
            </dd>
          </dl>
          {data.isFacilitator ? (
            <p className="mt-3 text-sm">
              <Link
                to={`/cohorts/${cohort.id}/sessions/${session.id}/edit`}
                className="font-semibold text-brand-700 underline"
              >
                Change the details or agenda
              </Link>
            </p>
          ) : null}
        </Card>
        <Card title="Attendance" id="attendance-heading">
          <p className="text-sm" data-testid="attendance-count">
            {data.recorded ? `${data.present} of ${data.leaderCount} leaders present` : "Attendance not taken yet"}
          </p>
          {data.isFacilitator ? (
            <AttendanceForm
              leaders={data.attendance}
              error={actionData?.error ?? null}
              saved={actionData?.saved ?? null}
            />
          ) : null}
        </Card>
      </div>
      <SessionAgenda startsAt={session.startsAt} durationMinutes={session.durationMinutes} agenda={session.agenda} />
      <section aria-labelledby="notes-heading" className="mt-6">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Session notes
        </h2>
        <p className="text-sm text-slate-700">
          Shared notes everyone in the session writes together; changes appear for all as they are typed.
        </p>
        <StickyCollabStatus collab={collab} opening="Opening the shared notes…" />
        {collab ? (
          <CollaborativeEditor
            doc={collab.doc}
            provider={collab.provider}
            field={SESSION_NOTES_FIELD}
            user={data.me}
            editable={data.access === "write"}
            labelId="notes-heading"
            mentions={data.mentions}
          />
        ) : null}
      </section>
      <PracticeLogs cohortId={cohort.id} logs={data.logs} />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.title ?? "Session"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
