import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getSession, updateSession } from "../../db/queries/sessions";
import { CohortHeader } from "../components/cohort-nav";
import { SessionForm } from "../components/session-form";
import { StatusPage } from "../components/status-page";
import { requireCohort } from "../utils/cohort.server";
import { SessionSchema, sessionValues } from "../utils/cohort-session-schema";
import { notFound, requireIdParam } from "../utils/http.server";
import { toLondonLocal } from "../utils/session-time";

async function requireSessionToManage(args: LoaderFunctionArgs) {
  const { cohort, actor } = await requireCohort(args.context, args.request, args.params.cohortId, "manage");
  const session = await getSession(args.context.services.db, cohort.id, requireIdParam(args.params.sessionId));
  if (!session) notFound();
  return { cohort, actor, session };
}

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, session } = await requireSessionToManage(args);
  return json({ cohort, session: { ...session, startsAt: toLondonLocal(session.startsAt) } });
}

export async function action(args: ActionFunctionArgs) {
  const { cohort, actor, session } = await requireSessionToManage(args);
  const submission = parseWithZod(await args.request.formData(), { schema: SessionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  await updateSession(args.context.services.db, cohort.id, session.id, sessionValues(submission.value));
  args.context.services.logger.info("session changed", { sessionId: session.id, by: actor.userId });
  return redirect(`/cohorts/${cohort.id}/sessions/${session.id}`);
}

export default function EditSessionPage() {
  const { cohort, session } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <CohortHeader cohort={cohort} title={`change ${session.title}`} />
      <p className="mt-3 text-sm">
        <Link to={`/cohorts/${cohort.id}/sessions/${session.id}`} className="text-brand-700 underline">
          Back to the session
        </Link>
      </p>
      <section aria-label="Session details" className="mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <SessionForm id="edit-session" defaultValue={session} lastResult={lastResult} submitLabel="Save changes" />
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change ${data?.session.title ?? "session"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
