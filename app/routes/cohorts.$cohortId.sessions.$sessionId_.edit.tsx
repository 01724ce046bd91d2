import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { SessionForm } from "../features/sessions/components/session-form";
import { StatusPage } from "../components/status-page";
import { requireSession } from "../features/sessions/guard.server";
import { SessionSchema } from "../features/sessions/schema";
import { changeSession } from "../features/sessions/service.server";
import { authorityDateContext } from "../features/admin/authority-dates.server";
import { toLocalInput } from "../kernel/dates";

export async function loader(args: LoaderFunctionArgs) {
  const { cohort, session } = await requireSession(args, "manage");
  // The form shows and takes the time in the cohort's authority's zone.
  const ctx = await authorityDateContext(args.context.services.db, cohort.authorityId);
  return json({ cohort, session: { ...session, startsAt: toLocalInput(session.startsAt, ctx) } });
}

export async function action(args: ActionFunctionArgs) {
  const { cohort, actor, session } = await requireSession(args, "manage");
  const submission = parseWithZod(await args.request.formData(), { schema: SessionSchema });
  if (submission.status !== "success")
    return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const ctx = await authorityDateContext(args.context.services.db, cohort.authorityId);
  const ids = { cohortId: cohort.id, sessionId: session.id };
  await changeSession(args.context.services, actor, ids, submission.value, ctx);
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change ${data?.session.title ?? "session"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
