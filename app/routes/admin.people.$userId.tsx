import type { AdminCrumbHandle } from "./admin";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listSchools } from "../../db/queries/schools";
import { RoleFields } from "../features/admin/components/role-fields";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { ErrorList } from "../components/ui/field";
import { forbidden } from "../utils/http.server";
import { canChangeRole } from "../kernel/permissions";
import { requireAuthorityAdmin, requirePerson } from "../features/admin/guard.server";
import { changeRole } from "../features/admin/service.server";
import { RoleGrantSchema } from "../features/admin/schema";
import { roleLabel } from "../kernel/terminology";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  const person = await requirePerson(context, authorityId, params.userId);
  const { db } = context.services;
  const [schools, authority] = await Promise.all([listSchools(db, authorityId), getAuthority(db, authorityId)]);
  return json({
    person: {
      ...person,
      // An admin may not take away their own admin role: the page says so instead of offering it.
      grants: person.grants.map((g) => ({
        ...g,
        removable: canChangeRole(actor, { authorityId, targetUserId: person.id, role: g.role, action: "remove" }),
      })),
    },
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    terminology: authority?.terminology ?? "en-GB",
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  const person = await requirePerson(context, authorityId, params.userId);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: RoleGrantSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { role, schoolId } = submission.value;
  const action = form.get("intent") === "remove" ? "remove" : "add";
  if (!canChangeRole(actor, { authorityId, targetUserId: person.id, role, action })) {
    forbidden("You cannot remove your own admin role. Ask another admin to do it.");
  }
  const result = await changeRole(context.services, actor, {
    authorityId,
    personId: person.id,
    role,
    schoolId,
    action,
  });
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  // Removing someone's last role takes them out of the authority, so this page no longer exists.
  if (result.leftAuthority) return redirect("/admin/people");
  return json(submission.reply({ resetForm: true }));
}

export default function PersonRoles() {
  const { person, schools, terminology } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-role",
    lastResult,
    constraint: getZodConstraint(RoleGrantSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RoleGrantSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <main id="main" className="max-w-3xl py-6">
      <h1 className="text-2xl font-bold">{person.name}</h1>
      <p className="text-slate-700">{person.email}</p>
      <section aria-labelledby="current-roles" className="mt-6">
        <h2 id="current-roles" className="text-lg font-semibold">
          Current roles
        </h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {person.grants.map((g) => {
            const label = roleLabel(g.role, terminology) + (g.schoolName ? ` of ${g.schoolName}` : "");
            const locked = !g.removable;
            return (
              <li
                key={`${g.role}-${g.schoolId}`}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
              >
                <span>{label}</span>
                {locked ? (
                  <span className="text-sm text-slate-700">Another admin must remove your own admin role.</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="role" value={g.role} />
                    {g.schoolId ? <input type="hidden" name="schoolId" value={g.schoolId} /> : null}
                    <Button type="submit" variant="danger">
                      Remove<span className="sr-only"> the role {label}</span>
                    </Button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section
        aria-labelledby="add-role-heading"
        className="mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="add-role-heading" className="text-lg font-semibold">
          Add a role
        </h2>
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
          <input type="hidden" name="intent" value="add" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <RoleFields role={fields.role} schoolId={fields.schoolId} schools={schools} terminology={terminology} />
          <Button type="submit" pending={navigation.state === "submitting"}>
            Add role
          </Button>
        </Form>
      </section>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Change roles · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}

/** The last step of the admin area's breadcrumb trail. */
export const handle: AdminCrumbHandle = {
  crumb: (data) => (data as { person?: { name: string } } | undefined)?.person?.name ?? null,
};
