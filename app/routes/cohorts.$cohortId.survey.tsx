import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { facetCounts, listRounds } from "../../db/queries/trust-survey";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { StatusPage } from "../components/status-page";
import { StatusMessage } from "../components/ui/status-message";
import { TrustSurveyCharts, type RoundResults } from "../features/surveys/components/trust-survey-chart";
import { RoundsPanel } from "../features/surveys/components/rounds-panel";
import { TrustSurveyForm } from "../features/surveys/components/trust-survey-form";
import { CloseRoundSchema, OpenRoundSchema, SurveyResponseSchema } from "../features/surveys/schema";
import { answerSurvey, closeSurveyRound, openSurveyRound } from "../features/surveys/service.server";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList } from "../components/ui/field";
import { requireCohort } from "../features/cohorts/guard.server";
import { canAnswerSurveyRound, canSeeSurveyResults, SURVEY_MIN_RESPONSES } from "../kernel/permissions";
import { responsesStillNeeded, roundLabels, summariseFacets, surveyRounds } from "../features/surveys/trust-survey";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, cohort, isFacilitator, isLeader } = await requireCohort(context, request, params.cohortId);
  const { db } = context.services;
  const rounds = await listRounds(db, cohort.id, actor.userId);
  // Anonymity is enforced here: numbers of a round below the threshold are never even read.
  const visibleIds = rounds.filter((r) => canSeeSurveyResults(actor, scope, r.responses)).map((r) => r.id);
  const counts = await facetCounts(db, visibleIds);
  return json({
    cohort,
    isFacilitator,
    isLeader,
    leaderCount: scope.memberIds.length,
    rounds: rounds.map((r) => ({
      id: r.id,
      round: r.round,
      open: r.closedAt === null,
      responses: r.responses,
      stillNeeded: responsesStillNeeded(r.responses, SURVEY_MIN_RESPONSES),
      answeredByMe: isLeader && r.answeredByMe,
      canAnswer: canAnswerSurveyRound(actor, scope, r),
      facets: visibleIds.includes(r.id) ? summariseFacets(counts.filter((c) => c.roundId === r.id)) : null,
    })),
    unopened: surveyRounds.filter((name) => !rounds.some((r) => r.round === name)),
  });
}

type ActionData = { intent: string; done: string | null; result: SubmissionResult<string[]> | null; error?: string };

type Reply = (data: Omit<ActionData, "intent">, status?: number) => Response;
type Handler = (args: ActionFunctionArgs, formData: FormData, reply: Reply) => Promise<Response>;

// One named service per intent; answering needs a leader, the others a facilitator.
const intents: Record<string, Handler> = {
  async answer({ context, request, params }, formData, reply) {
    const { actor, cohort } = await requireCohort(context, request, params.cohortId, "participate");
    const submission = parseWithZod(formData, { schema: SurveyResponseSchema });
    if (submission.status !== "success") {
      return reply(
        {
          result: submission.reply({ formErrors: ["Answer every statement: the ones still to answer are marked."] }),
          done: null,
        },
        400,
      );
    }
    const answered = await answerSurvey(context.services, actor, cohort.id, submission.value);
    if (!answered.ok) return reply({ result: null, done: null, error: answered.error }, 409);
    return reply({ result: null, done: answered.done });
  },
  async open({ context, request, params }, formData, reply) {
    const { cohort, actor } = await requireCohort(context, request, params.cohortId, "manage");
    const submission = parseWithZod(formData, { schema: OpenRoundSchema });
    if (submission.status !== "success") return reply({ result: submission.reply(), done: null }, 400);
    const opened = await openSurveyRound(context.services, actor, cohort.id, submission.value.round);
    if (!opened.ok) return reply({ result: submission.reply({ fieldErrors: opened.fieldErrors }), done: null }, 409);
    return reply({ result: submission.reply({ resetForm: true }), done: opened.done });
  },
  async close({ context, request, params }, formData, reply) {
    const { cohort } = await requireCohort(context, request, params.cohortId, "manage");
    const parsed = CloseRoundSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || !(await closeSurveyRound(context.services, cohort.id, parsed.data.roundId))) {
      return reply({ result: null, done: null, error: "That round is not open." }, 400);
    }
    return reply({ result: null, done: "The round is closed." });
  },
};

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const reply: Reply = (data, status = 200) => json<ActionData>({ intent, ...data }, { status });
  const handle = Object.hasOwn(intents, intent) ? intents[intent] : null;
  if (handle) return handle(args, formData, reply);
  await requireCohort(args.context, args.request, args.params.cohortId, "manage");
  return reply({ result: null, done: null }, 400);
}

export default function SurveyPage() {
  const { cohort, isFacilitator, rounds, leaderCount, unopened } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const toAnswer = rounds.find((r) => r.canAnswer);
  const withResults: RoundResults[] = rounds.flatMap((r) =>
    r.facets ? [{ round: r.round, responses: r.responses, facets: r.facets }] : [],
  );
  const waiting = rounds.filter((r) => !r.facets);
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <CohortHeader cohort={cohort} title="trust survey" />
      <p className="max-w-3xl text-sm text-slate-700">
        Six facets of trust between the leaders of this cohort, asked at the start, middle and end of the year. Answers
        are anonymous, and a round's results are shown only once at least {SURVEY_MIN_RESPONSES} leaders have answered
        it.
      </p>
      <StatusMessage>{actionData?.done}</StatusMessage>
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      {toAnswer ? (
        <Card title="Your answers" id="answer-heading">
          <TrustSurveyForm
            roundId={toAnswer.id}
            round={toAnswer.round}
            lastResult={actionData?.intent === "answer" ? actionData.result : null}
          />
        </Card>
      ) : (
        rounds
          .filter((r) => r.answeredByMe && r.open)
          .map((r) => (
            <p key={r.id} className="text-sm text-slate-800">
              You have answered the {roundLabels[r.round].toLowerCase()} round. Thank you.
            </p>
          ))
      )}
      {isFacilitator ? (
        <RoundsPanel
          rounds={rounds}
          leaderCount={leaderCount}
          unopened={unopened}
          openErrors={actionData?.intent === "open" ? (actionData.result?.error?.round ?? null) : null}
        />
      ) : null}
      <Card title="Results" id="results-heading">
        {rounds.length === 0 ? (
          <EmptyState title="No survey rounds yet">
            {isFacilitator
              ? "Open the start-of-year round above; leaders will see the survey here."
              : "Your facilitator opens the first round at the start of the year; you will answer it here."}
          </EmptyState>
        ) : (
          <div className="space-y-6">
            {waiting.length ? (
              <ul className="space-y-1 text-sm">
                {waiting.map((r) => (
                  <li key={r.id} data-testid={`waiting-${r.round}`}>
                    <span className="font-semibold">{roundLabels[r.round]}:</span> waiting for {r.stillNeeded} more{" "}
                    {r.stillNeeded === 1 ? "response" : "responses"} before results can be shown.
                  </li>
                ))}
              </ul>
            ) : null}
            {withResults.length ? <TrustSurveyCharts rounds={withResults} /> : null}
          </div>
        )}
      </Card>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Trust survey · ${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
