import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { listForUser } from "../../db/queries/notifications";
import { FormattedDate } from "../components/date-context";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { notFound, safeRedirectPath } from "../utils/http.server";
import { requireUser } from "../features/auth/guard.server";
import {
  markAllNotificationsRead,
  markNotificationRead,
  type MarkReadResult,
} from "../features/notifications/service.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const notifications = await listForUser(context.services.db, user.id);
  return json({
    notifications: notifications.map((n) => ({ ...n, link: safeRedirectPath(n.link, "/dashboard") })),
  });
}

/** A person only ever touches their own notifications: someone else's id is "not found". */
export async function action({ context, request }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const reader = { userId: user.id };
  const intents: Record<string, () => Promise<MarkReadResult>> = {
    "read-all": () => markAllNotificationsRead(context.services, reader),
    read: () => markNotificationRead(context.services, reader, String(form.get("id") ?? "")),
  };
  const result = Object.hasOwn(intents, intent) ? await intents[intent]() : ({ ok: false, reason: "invalid" } as const);
  if (result.ok) return json({ ok: true, marked: result.marked });
  if (result.reason === "not-found") notFound();
  return json({ ok: false, error: "Choose a notification." }, { status: 400 });
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <Breadcrumbs items={[{ label: "Dashboard", to: "/dashboard" }, { label: "Notifications" }]} />
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <Button type="submit" variant="secondary" pending={navigation.formData?.get("intent") === "read-all"}>
              Mark all as read
            </Button>
          </Form>
        ) : null}
      </div>
      <p className="mt-1 text-slate-700" data-testid="unread-summary">
        {unread === 0 ? "You are up to date." : `${unread} unread`}
      </p>
      {notifications.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No notifications yet">
            When a colleague shares an insight from their between-session practice with you, you will hear about it
            here.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Your notifications">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`rounded-lg border p-4 ${n.readAt ? "border-slate-200 bg-white" : "border-brand-600 bg-brand-50"}`}
              data-testid="notification"
              data-read={n.readAt ? "true" : "false"}
            >
              <p className="font-semibold">
                {n.readAt ? null : (
                  <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">New</span>
                )}
                <Link id={`notification-${n.id}`} to={n.link} className="text-brand-700 underline">
                  {n.title}
                </Link>
              </p>
              {n.body ? <p className="mt-1 text-slate-800">{n.body}</p> : null}
              <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
                <p className="text-xs text-slate-600">
                  <FormattedDate value={n.createdAt} style="date-time" />
                </p>
                {n.readAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <button
                      type="submit"
                      className="text-sm font-semibold text-brand-700 underline"
                      aria-describedby={`notification-${n.id}`}
                    >
                      Mark as read
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Notifications · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
