import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listMail } from "../../db/queries/mail";
import { EmptyState } from "../components/ui/empty-state";
import { MailBody } from "../features/admin/components/mail-body";
import { forbidden } from "../utils/http.server";
import { FormattedDate } from "../components/date-context";
import { canViewOutbox } from "../kernel/permissions";
import { requireAuthorityAdmin } from "../features/admin/guard.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canViewOutbox(actor, authorityId)) forbidden();
  const messages = await listMail(context.services.db, authorityId);
  return json({ messages, smtp: Boolean(context.services.env.smtpUrl) });
}

const statusText = { outbox: "In outbox (not sent)", sent: "Sent", failed: "Sending failed" } as const;

export default function OutboxPage() {
  const { messages, smtp } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {smtp
          ? "Every email Commons sends for your authority, and whether it went."
          : "No mail server is set up, so emails are kept here instead of being sent. Pass invitation links on to people yourself, or ask your technical team to set SMTP_URL."}
      </p>
      {messages.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No emails yet">Invitations you send will appear here.</EmptyState>
        </div>
      ) : (
        <ul className="mt-4 space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold">{m.subject}</span> to {m.toAddress} ·{" "}
                  <FormattedDate value={m.createdAt} style="medium-date-time" /> ·{" "}
                  <span className={m.status === "failed" ? "text-red-800" : "text-slate-800"}>
                    {statusText[m.status]}
                  </span>
                </summary>
                {m.error ? <p className="mt-2 text-sm text-red-800">Reason: {m.error}</p> : null}
                <MailBody text={m.bodyText} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Outbox · Commons" }];
