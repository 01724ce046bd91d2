import { Form, Link } from "@remix-run/react";
import { FormattedDate } from "../../../components/date-context";

export type AlertView = { id: string; title: string; body: string; link: string; createdAt: string };

/** New feedback on this plan for the signed-in person (their unread notifications), with a way to clear them. */
export function PlanAlerts({ schoolId, alerts }: { schoolId: string; alerts: AlertView[] }) {
  if (!alerts.length) return null;
  return (
    <section
      role="status"
      aria-labelledby="plan-alerts-heading"
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="plan-alerts-heading" className="font-semibold text-slate-900">
        New feedback on this plan ({alerts.length})
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {alerts.map((a) => (
          <li key={a.id}>
            <Link to={a.link} className="font-medium text-brand-800 underline">
              {a.title}
            </Link>{" "}
            <span className="text-slate-700">
              · <FormattedDate value={a.createdAt} style="date-time" />
            </span>
            {a.body ? <span className="block text-slate-700">“{a.body}”</span> : null}
          </li>
        ))}
      </ul>
      <Form method="post" action={`/schools/${schoolId}/plan`} className="mt-3">
        <input type="hidden" name="intent" value="mark-alerts-read" />
        <button
          type="submit"
          className="min-h-11 rounded border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-50"
        >
          Mark as read
        </button>
      </Form>
    </section>
  );
}
