import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { listSessions } from "../../db/queries/sessions";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { SessionForm, type SessionDefaults } from "../features/sessions/components/session-form";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../features/cohorts/guard.server";
import { SessionSchema } from "../features/sessions/schema";
import { scheduleSession } from "../features/sessions/service.server";
import { agendaItemFrom, agendaMinutes } from "../features/sessions/protocols";
import { useDateContext } from "../components/date-context";
import { authorityDateContext } from "../features/admin/authority-dates.server";
import { formatInstant } from "../kernel/dates";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { cohort, isFacilitator, scope } = await requireCohort(context, request, params.cohortId, "view");
  const sessions = await listSessions(context.services.db, cohort.id);
  const now = Date.now();
  const upcoming = sessions.filter((s) => s.startsAt.getTime() > now);
  const past = sessions.filter((s) => s.startsAt.getTime() <= now).reverse();
  return json({ cohort, isFacilitator, leaderCount: scope.memberIds.length, upcoming, past });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { cohort, actor } = await requireCohort(context, request, params.cohortId, "manage");
  const submission = parseWithZod(await request.formData(), { schema: SessionSchema });
  // A list button pressed without scripts comes back here: answer with the changed form, not an error.
  if (submission.status !== "success")
    return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const ctx = await authorityDateContext(context.services.db, cohort.authorityId);
  const { sessionId } = await scheduleSession(context.services, actor, cohort.id, submission.value, ctx);
  return redirect(`/cohorts/${cohort.id}/sessions/${sessionId}`);
}

const newSession: SessionDefaults = {
  title: "",
  startsAt: "",
  durationMinutes: 120,
  place: "",
  agenda: [agendaItemFrom("check-in"), agendaItemFrom("reflection-and-commitments")],
};

export default function SessionsPage() {
  const { cohort, isFacilitator, leaderCount, upcoming, past } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const none = upcoming.length === 0 && past.length === 0;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <CohortHeader cohort={cohort} title="sessions" />
      <div className={`mt-6 grid gap-6 ${isFacilitator ? "lg:grid-cols-[1fr_1fr]" : ""}`}>
        <div className="space-y-6">
          {none ? (
            <EmptyState title="No sessions yet">
              {isFacilitator
                ? "Schedule the first session with the form: its date, place and agenda."
                : "Your facilitator schedules the monthly sessions; they appear here."}
            </EmptyState>
          ) : null}
          {none ? null : (
            <Card title="Upcoming sessions">
              {upcoming.length === 0 ? (
                <p className="text-sm text-slate-700">
                  {isFacilitator
                    ? "Nothing scheduled: schedule the next session."
                    : "The next session is not scheduled yet."}
                </p>
              ) : (
                <SessionList cohortId={cohort.id} sessions={upcoming} />
              )}
            </Card>
          )}
          {past.length > 0 ? (
            <Card title="Past sessions">
              <SessionList cohortId={cohort.id} sessions={past} leaderCount={leaderCount} />
            </Card>
          ) : null}
        </div>
        {isFacilitator ? (
          <section
            aria-labelledby="schedule-heading"
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="schedule-heading" className="text-lg font-semibold">
              Schedule a session
            </h2>
            <SessionForm
              id="schedule-session"
              defaultValue={newSession}
              lastResult={lastResult}
              submitLabel="Schedule session"
            />
          </section>
        ) : null}
      </div>
    </main>
  );
}

type Row = {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  agenda: Array<{ minutes: number }>;
  present: number;
  recorded: number;
};

function SessionList({ cohortId, sessions, leaderCount }: { cohortId: string; sessions: Row[]; leaderCount?: number }) {
  const dates = useDateContext();
  return (
    <ul className="divide-y divide-slate-200">
      {sessions.map((s) => (
        <li key={s.id} className="py-2">
          <Link to={`/cohorts/${cohortId}/sessions/${s.id}`} className="font-semibold text-brand-700 underline">
            {s.title}
          </Link>
          <p className="text-sm text-slate-700">
            {formatInstant(s.startsAt, "weekday-date-time", dates)} · {s.durationMinutes} minutes · {s.agenda.length}{" "}
            agenda items ({agendaMinutes(s.agenda)} min)
          </p>
          {leaderCount !== undefined ? (
            <p className="text-sm text-slate-700">
              {s.recorded === 0 ? "Attendance not taken" : `${s.present} of ${leaderCount} leaders present`}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sessions · ${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
