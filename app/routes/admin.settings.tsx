import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { SettingsForm, type SettingsActionData } from "../features/admin/components/settings-form";
import { requireAuthorityAdmin } from "../features/admin/guard.server";
import { authoritySettingsSchema } from "../features/admin/schema";
import { changeAuthoritySettings } from "../features/admin/service.server";
import { dateContextFor, supportedTimeZones } from "../kernel/dates";
import { canManageAuthority } from "../kernel/permissions";
import { forbidden, notFound } from "../utils/http.server";

/**
 * Which authority's settings: the one named (`?authority=` or the form's hidden field), else the
 * admin's own. Naming an authority the person does not administer is a 403, so a form loaded for one
 * authority can never change another.
 */
async function settingsAuthority(args: LoaderFunctionArgs, named: string | null) {
  const { actor, authorityId: own } = await requireAuthorityAdmin(args.context, args.request);
  const authorityId = named || own;
  if (!canManageAuthority(actor, authorityId))
    forbidden("Only this authority's administrators can see or change its settings.");
  return { actor, authorityId };
}

export async function loader(args: LoaderFunctionArgs) {
  const named = new URL(args.request.url).searchParams.get("authority");
  const { authorityId } = await settingsAuthority(args, named);
  const authority = await getAuthority(args.context.services.db, authorityId);
  if (!authority) notFound();
  const { timeZone } = dateContextFor(authority);
  return json({
    current: { authorityId: authority.id, terminology: authority.terminology, timeZone },
    timeZones: supportedTimeZones(),
  });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData();
  const named = formData.get("authorityId");
  const { actor, authorityId } = await settingsAuthority(args, typeof named === "string" ? named : null);
  const submission = parseWithZod(formData, { schema: authoritySettingsSchema(supportedTimeZones()) });
  if (submission.status !== "success") return json<SettingsActionData>(submission.reply(), { status: 400 });
  const result = await changeAuthoritySettings(args.context.services, actor, authorityId, submission.value);
  if (!result.ok)
    return json<SettingsActionData>(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return json<SettingsActionData>({ ...submission.reply(), saved: true });
}

export default function AuthoritySettingsPage() {
  const { current, timeZones } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="max-w-3xl py-6">
      <h1 className="text-2xl font-bold">Settings</h1>
      <p className="mt-1 text-sm text-slate-700">
        Choose the words and the time zone everyone in your authority sees. Changes apply to every page, email and
        report straight away.
      </p>
      <SettingsForm current={current} timeZones={timeZones} />
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Settings · Commons" }];
