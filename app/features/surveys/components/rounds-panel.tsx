import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { ErrorList } from "../../../components/ui/field";
import { roundLabels, type SurveyRound } from "../trust-survey";

type Round = { id: string; round: SurveyRound; open: boolean; responses: number };

/** The facilitator's controls: each round's status and count (never who), closing, opening the next. */
export function RoundsPanel({
  rounds,
  leaderCount,
  unopened,
  openErrors,
}: {
  rounds: Round[];
  leaderCount: number;
  unopened: readonly string[];
  openErrors: string[] | null;
}) {
  const navigation = useNavigation();
  return (
    <Card title="Survey rounds" id="rounds-heading">
      {rounds.length === 0 ? (
        <p className="text-sm text-slate-700">
          No rounds yet: open the start-of-year round when the cohort first meets.
        </p>
      ) : null}
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
            <select
              id="open-round"
              name="round"
              className="mt-1 rounded-md border border-slate-400 px-3 py-2"
              aria-describedby={openErrors ? "open-round-error" : undefined}
              aria-invalid={openErrors ? true : undefined}
            >
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
