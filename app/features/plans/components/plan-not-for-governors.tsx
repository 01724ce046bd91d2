import { Link } from "@remix-run/react";

export const PLAN_NOT_FOR_GOVERNORS_TITLE = "The improvement plan is not shared with governors";

/**
 * What a governor reads instead of the plan: why it is not theirs to see (ADR 010: the plan stays
 * between the school's leaders, its SIP and the authority) and the way to what is addressed to them.
 */
export function PlanNotForGovernors({ reportsPath }: { reportsPath: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{PLAN_NOT_FOR_GOVERNORS_TITLE}</h1>
      <p className="mt-3 text-slate-700">
        The school&apos;s leaders write the improvement plan with their School Improvement Partner, and it stays between
        them and the local authority.
      </p>
      <p className="mt-3 text-slate-700">
        As a governor, you read what the School Improvement Partner addresses to governors: the sections of the
        school&apos;s shared reports written for you.
      </p>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <Link to={reportsPath} className="font-semibold text-brand-700 underline">
          Read the reports addressed to governors
        </Link>
        <Link to="/dashboard" className="font-semibold text-brand-700 underline">
          Go to your dashboard
        </Link>
      </p>
    </main>
  );
}
