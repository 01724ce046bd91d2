import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getChallenge } from "../../db/queries/equity";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { ErrorList, Field } from "../components/ui/field";
import { requireCohort } from "../features/cohorts/guard.server";
import { MAX_TAGS } from "../features/communities/grouping";
import { ChallengeSchema, MAX_CHALLENGE_TEXT } from "../features/communities/schema";
import { saveEquityChallenge } from "../features/communities/service.server";
import { notFound } from "../utils/http.server";
import { canViewEquityChallenge } from "../kernel/permissions";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, cohort } = await requireCohort(context, request, params.cohortId, "participate");
  if (!canViewEquityChallenge(actor, scope, actor.userId)) notFound();
  const challenge = await getChallenge(context.services.db, cohort.id, actor.userId);
  return json({ cohort, challenge: challenge ? { text: challenge.text, tags: challenge.tags } : null });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, cohort } = await requireCohort(context, request, params.cohortId, "participate");
  const submission = parseWithZod(await request.formData(), { schema: ChallengeSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  await saveEquityChallenge(context.services, actor, cohort.id, submission.value);
  return json({ result: submission.reply(), saved: true });
}

export default function ChallengePage() {
  const { cohort, challenge } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "equity-challenge",
    lastResult: actionData?.result,
    defaultValue: { text: challenge?.text ?? "", tags: challenge?.tags.join(", ") ?? "" },
    constraint: getZodConstraint(ChallengeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChallengeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { key: _key, ...textProps } = getTextareaProps(fields.text);
  const textError = fields.text.errors?.length ? `${fields.text.id}-error` : undefined;
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <CohortHeader cohort={cohort} title="my equity challenge" />
      <p className="text-sm text-slate-700">
        Name the equity challenge you most want to work on this year. Your facilitator uses it, with your tags, to
        suggest a community of leaders with a similar challenge. Only you and your facilitators can read it.
      </p>
      {actionData?.saved ? (
        <p role="status" className="rounded bg-brand-50 p-3 text-sm text-brand-800">
          Your equity challenge is saved. You can change it at any time.{" "}
          <Link to={`/cohorts/${cohort.id}/communities`} className="font-semibold underline">
            Back to communities
          </Link>
        </p>
      ) : null}
      <Form
        method="post"
        {...getFormProps(form)}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <ErrorList id={form.errorId} errors={form.errors} />
        <div>
          <label htmlFor={fields.text.id} className="block text-sm font-medium text-slate-800">
            My equity challenge
          </label>
          <p id={`${fields.text.id}-hint`} className="text-sm text-slate-600">
            A sentence or two, up to {MAX_CHALLENGE_TEXT} characters. For example: "Persistent absence of our
            disadvantaged pupils has not moved in two years."
          </p>
          <textarea
            {...textProps}
            rows={4}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600"
            aria-invalid={textError ? true : undefined}
            aria-describedby={[`${fields.text.id}-hint`, textError].filter(Boolean).join(" ")}
          />
          <ErrorList id={textError} errors={fields.text.errors} />
        </div>
        <Field
          label="Tags"
          hint={`Up to ${MAX_TAGS}, separated by commas, for example: attendance, send, eal, pupil premium.`}
          errors={fields.tags.errors}
          inputProps={getInputProps(fields.tags, { type: "text" })}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          {challenge ? "Save changes" : "Save my challenge"}
        </Button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `My equity challenge · ${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
