import { Link } from "@remix-run/react";
import { Card } from "../../../components/ui/card";

/** A leader's own equity challenge on the communities page, with the way to name or change it. */
export function MyChallenge({
  cohortId,
  challenge,
}: {
  cohortId: string;
  challenge: { text: string; tags: string[] } | null;
}) {
  return (
    <Card title="My equity challenge" id="my-challenge-heading">
      {challenge ? (
        <>
          <p className="text-sm">{challenge.text}</p>
          {challenge.tags.length ? (
            <p className="mt-1 text-sm text-slate-700">Tags: {challenge.tags.join(", ")}</p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-700">
          You have not named your equity challenge yet. Your facilitator uses it to suggest who you work with.
        </p>
      )}
      <Link
        to={`/cohorts/${cohortId}/challenge`}
        className="mt-2 inline-block text-sm font-semibold text-brand-700 underline"
      >
        {challenge ? "Change my challenge" : "Name my challenge"}
      </Link>
    </Card>
  );
}
