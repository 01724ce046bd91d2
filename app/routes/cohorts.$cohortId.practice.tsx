import { getNextSession } from "../../db/queries/sessions";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listCohortLeaders, listPracticeLogs } from "../../db/queries/practice";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { LogCard, type LogView } from "../features/practice/components/log-card";
import { formatInstant } from "../kernel/dates";
import { useDateContext } from "../components/date-context";
import { LogForm } from "../features/practice/components/log-form";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../features/cohorts/guard.server";
import { forbidden } from "../utils/http.server";
import { canLogPractice, canSeeAllPracticeLogs, canViewPracticeLog } from "../kernel/permissions";
import { PracticeLogSchema } from "../features/practice/schema";
import { logPractice } from "../features/practice/service.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, cohort } = await requireCohort(context, request, params.cohortId, "view");
  const { db } = context.services;
  const canLog = canLogPractice(actor, scope);
  const seeAll = canSeeAllPracticeLogs(actor, scope);
  const [logs, leaders, next] = await Promise.all([
    listPracticeLogs(db, cohort.id, seeAll ? undefined : actor.userId),
    listCohortLeaders(db, cohort.id),
    canLog ? getNextSession(db, cohort.id) : null,
  ]);
  return json({
    cohort: { id: cohort.id, name: cohort.name, schoolYear: cohort.schoolYear },
    meId: actor.userId,
    canLog,
    seeAll,
    peers: canLog ? leaders.filter((l) => l.id !== actor.userId) : [],
    leaders: seeAll ? leaders : [],
    nextSession: next ? { title: next.title, startsAt: next.startsAt } : null,
    logs: logs.filter((log) => canViewPracticeLog(actor, scope, log)),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, cohort } = await requireCohort(context, request, params.cohortId, "participate");
  if (!canLogPractice(actor, scope)) forbidden("Only the school leaders of this cohort log their practice.");
  const submission = parseWithZod(await request.formData(), { schema: PracticeLogSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const logged = await logPractice(context.services, actor, cohort.id, submission.value);
  if (!logged.ok) return json(submission.reply({ fieldErrors: logged.fieldErrors }), { status: 400 });
  return json({ ...submission.reply({ resetForm: true }), logged: logged.peerName });
}

export default function PracticePage() {
  const data = useLoaderData<typeof loader>();
  const dates = useDateContext();
  const next = data.nextSession;
  const nextSessionLabel = next ? `${next.title} on ${formatInstant(next.startsAt, "date", dates)}` : null;
  const mine = data.logs.filter((l) => l.authorId === data.meId);
  const sharedWithMe = data.logs.filter((l) => l.sharedWithUserId === data.meId && l.authorId !== data.meId);
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <CohortHeader cohort={data.cohort} title="between sessions" />
      <p className="mt-3 max-w-3xl text-slate-700">
        Between sessions, each leader applies one learning, captures an insight and shares it with a peer. The next
        session starts from these logs.
      </p>
      {data.canLog ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="Log your practice">
            <LogForm peers={data.peers} nextSessionLabel={nextSessionLabel} />
          </Card>
          <LogListCard
            title="Shared with you"
            logs={sharedWithMe}
            meId={data.meId}
            label="Logs shared with you"
            empty="Nothing shared with you yet. When a colleague shares an insight with you, it appears here and you get a notification."
          />
        </div>
      ) : null}
      {data.canLog ? (
        <div className="mt-6">
          <LogListCard
            title="Your logs"
            logs={mine}
            meId={data.meId}
            label="Your logs"
            empty="You have not logged anything yet. Use the form above after you try something from a session."
          />
        </div>
      ) : null}
      {data.seeAll ? <AllLogs logs={data.logs} leaders={data.leaders} meId={data.meId} /> : null}
    </main>
  );
}

type LogListProps = { logs: LogView[]; meId: string; label: string; empty: string };

/** A card of the leader's own logs: its title above the list. */
function LogListCard({ title, ...list }: LogListProps & { title: string }) {
  return (
    <Card title={title}>
      <LogList {...list} />
    </Card>
  );
}

function LogList({ logs, meId, label, empty }: LogListProps) {
  if (logs.length === 0) return <EmptyState title="No logs here yet">{empty}</EmptyState>;
  return (
    <ul className="space-y-3" aria-label={label}>
      {logs.map((log) => (
        <LogCard key={log.id} log={log} meId={meId} />
      ))}
    </ul>
  );
}

/** For facilitators: who has logged, and every log. */
function AllLogs({
  logs,
  leaders,
  meId,
}: {
  logs: LogView[];
  leaders: Array<{ id: string; name: string }>;
  meId: string;
}) {
  const counts = new Map<string, number>();
  for (const log of logs) counts.set(log.authorId, (counts.get(log.authorId) ?? 0) + 1);
  const logged = leaders.filter((l) => counts.has(l.id)).length;
  return (
    <div className="mt-6 space-y-6">
      <Card title="Who has logged">
        <p className="text-slate-800" data-testid="logged-summary">
          {logged} of {leaders.length} leaders have logged their practice.
        </p>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" aria-label="Logs per leader">
          {leaders.map((l) => (
            <li key={l.id}>
              {l.name}:{" "}
              {counts.get(l.id) ? `${counts.get(l.id)} ${counts.get(l.id) === 1 ? "log" : "logs"}` : "not yet"}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="All logs">
        <LogList
          logs={logs}
          meId={meId}
          label="All logs"
          empty="No leader has logged yet. Remind the cohort at the end of the session to apply one learning and share it."
        />
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Cohort"}: between sessions · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
