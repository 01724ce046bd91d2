import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { closeRound, facetCounts, getRound, listRounds, openRound, submitResponse } from "../../db/queries/trust-survey";
import { isUniqueViolation } from "../../db/errors";
import { CohortHeader } from "../components/cohort-nav";
import { StatusPage } from "../components/status-page";
import { TrustSurveyCharts, type RoundResults } from "../components/trust-survey-chart";
import { SurveyResponseSchema, TrustSurveyForm } from "../components/trust-survey-form";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList } from "../components/ui/field";
import { requireCohort } from "../utils/cohort.server";
import { canAnswerSurveyRound, canSeeSurveyResults, SURVEY_MIN_RESPONSES } from "../utils/permissions";
import { responsesStillNeeded, roundLabels, summariseFacets, surveyItems, surveyRounds } from "../utils/trust-survey";

const OpenSchema = z.object({ round: z.enum(surveyRounds, { errorMap: () => ({ message: "Choose which round to open." }) }) });
const CloseSchema = z.object({ roundId: z.string().uuid() });

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, cohort, isFacilitator, isLeader } = await requireCohort(context, request, params.cohortId, "view");
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

export async function action({ context, request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const { db, logger } = context.services;
  const reply = (data: Omit<ActionData, "intent">, status = 200) => json<ActionData>({ intent, ...data }, { status });
  if (intent === "answer") {
    const { actor, cohort } = await requireCohort(context, request, params.cohortId, "participate");
    const submission = parseWithZod(formData, { schema: SurveyResponseSchema });
    if (submission.status !== "success") {
      return reply({ result: submission.reply({ formErrors: ["Answer every statement: the ones still to answer are marked."] }), done: null }, 400);
    }
    const round = await getRound(db, cohort.id, submission.value.roundId);
    if (!round || round.closedAt) return reply({ result: null, done: null, error: "This round has closed, so it no longer takes answers." }, 409);
    const answers = surveyItems.map((item) => ({ facet: item.facet, item: item.id, value: submission.value[item.id] }));
    const outcome = await submitResponse(db, { roundId: round.id, userId: actor.userId, answers });
    if (outcome !== "saved") {
      const message = outcome === "already-answered" ? "You have already answered this round. Each leader answers once, and answers cannot be changed." : "This round has closed, so it no longer takes answers.";
      return reply({ result: null, done: null, error: message }, 409);
    }
    // Never log the answers, nor who gave them: only that the round has one more response.
    logger.info("trust survey response", { roundId: round.id });
    return reply({ result: null, done: "Thank you: your answers are in. They are stored without your name; only totals for the whole cohort are shown." });
  }
  const { cohort, actor } = await requireCohort(context, request, params.cohortId, "manage");
  if (intent === "open") {
    const submission = parseWithZod(formData, { schema: OpenSchema });
    if (submission.status !== "success") return reply({ result: submission.reply(), done: null }, 400);
    try {
      const opened = await openRound(db, { cohortId: cohort.id, round: submission.value.round });
      if (!opened.ok) {
        const message = `Close the ${roundLabels[opened.openRound].toLowerCase()} round before opening another.`;
        return reply({ result: submission.reply({ fieldErrors: { round: [message] } }), done: null }, 409);
      }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return reply({ result: submission.reply({ fieldErrors: { round: ["That round has already been opened."] } }), done: null }, 409);
    }
    logger.info("trust survey round opened", { cohortId: cohort.id, round: submission.value.round, by: actor.userId });
    return reply({ result: submission.reply({ resetForm: true }), done: `The ${roundLabels[submission.value.round].toLowerCase()} round is open.` });
  }
  if (intent === "close") {
    const parsed = CloseSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || !(await closeRound(db, cohort.id, parsed.data.roundId))) {
      return reply({ result: null, done: null, error: "That round is not open." }, 400);
    }
    return reply({ result: null, done: "The round is closed." });
  }
  return reply({ result: null, done: null }, 400);
}

export default function SurveyPage() {
  const { cohort, isFacilitator, rounds, leaderCount, unopened } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const toAnswer = rounds.find((r) => r.canAnswer);
  const withResults: RoundResults[] = rounds.flatMap((r) => (r.facets ? [{ round: r.round, responses: r.responses, facets: r.facets }] : []));
  const waiting = rounds.filter((r) => !r.facets);
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <CohortHeader cohort={cohort} title="trust survey" />
      <p className="max-w-3xl text-sm text-slate-700">
        Six facets of trust between the leaders of this cohort, asked at the start, middle and end of the year. Answers are anonymous, and a
        round's results are shown only once at least {SURVEY_MIN_RESPONSES} leaders have answered it.
      </p>
      {actionData?.done ? (
        <p role="status" className="rounded bg-brand-50 p-3 text-sm text-brand-800">
          {actionData.done}
        </p>
      ) : null}
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      {toAnswer ? (
        <Card title="Your answers" id="answer-heading">
          <TrustSurveyForm roundId={toAnswer.id} round={toAnswer.round} lastResult={actionData?.intent === "answer" ? actionData.result : null} />
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
      {isFacilitator ? <RoundsPanel rounds={rounds} leaderCount={leaderCount} unopened={unopened} /> : null}
      <Card title="Results" id="results-heading">
        {rounds.length === 0 ? (
          <EmptyState title="No survey rounds yet">
            {isFacilitator ? "Open the start-of-year round above; leaders will see the survey here." : "Your facilitator opens the first round at the start of the year; you will answer it here."}
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

type Round = ReturnType<typeof useLoaderData<typeof loader>>["rounds"][number];

/** The facilitator's controls: each round's status and count (never who), closing, opening the next. */
function RoundsPanel({ rounds, leaderCount, unopened }: { rounds: Round[]; leaderCount: number; unopened: readonly string[] }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const openErrors = actionData?.intent === "open" ? (actionData.result?.error?.round ?? null) : null;
  return (
    <Card title="Survey rounds" id="rounds-heading">
      {rounds.length === 0 ? <p className="text-sm text-slate-700">No rounds yet: open the start-of-year round when the cohort first meets.</p> : null}
      <ul className="space-y-2">
        {rounds.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 text-sm">
            <span className="font-semibold">{roundLabels[r.round]}</span>
            <span>{r.open ? "Open" : "Closed"}</span>
            <span data-testid={`responded-${r.round}`}>
              {r.responses} of {leaderCount} leaders have responded
            </span>
            {r.open ? (
              <Form method="post">
                <input type="hidden" name="intent" value="close" />
                <input type="hidden" name="roundId" value={r.id} />
                <Button type="submit" variant="secondary" pending={navigation.formData?.get("roundId") === r.id}>
                  Close the {roundLabels[r.round].toLowerCase()} round
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {unopened.length ? (
        <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="open" />
          <div>
            <label htmlFor="open-round" className="block text-sm font-medium text-slate-800">
              Round to open
            </label>
            <select id="open-round" name="round" className="mt-1 rounded-md border border-slate-400 px-3 py-2" aria-describedby={openErrors ? "open-round-error" : undefined} aria-invalid={openErrors ? true : undefined}>
              {unopened.map((name) => (
                <option key={name} value={name}>
                  {roundLabels[name as keyof typeof roundLabels]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" pending={navigation.formData?.get("intent") === "open"}>
            Open round
          </Button>
          <ErrorList id="open-round-error" errors={openErrors} />
        </Form>
      ) : null}
    </Card>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Trust survey · ${data?.cohort.name ?? "Cohort"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
