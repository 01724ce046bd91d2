import type { SubmissionResult } from "@conform-to/react";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { MAX_GROUP, MIN_GROUP, type Candidate, type Suggestion } from "../grouping";
import { CreateCommunityForm, MoveForm, SuggestionCard } from "./grouping-panel";

type Leader = { id: string; name: string; text: string | null; tags: string[] | null; communityId: string | null };
type Props = {
  leaders: Leader[];
  grouping: { suggestions: Suggestion[]; unplaced: Candidate[] } | null;
  communities: Array<{ id: string; name: string; members: Array<{ id: string; name: string }> }>;
  /** The error of a leader's move form, if the last move of that leader was refused. */
  errorFor: (id: string) => string | undefined;
  /** The last result of a form (`accept-<n>` or `create-community`), if it was that form. */
  resultFor: (formId: string) => SubmissionResult<string[]> | null;
};

/** The facilitator's part: suggestions, every leader's challenge and community, and forming by hand. */
export function Facilitation({ leaders, grouping, communities, errorFor, resultFor }: Props) {
  const unplacedLeaders = leaders.filter((l) => !l.communityId);
  return (
    <>
      <Card title="Suggested groupings" id="suggestions-heading">
        <p className="mb-3 text-sm text-slate-700">
          From the tags and words that leaders without a community share in their challenges, {MIN_GROUP} to {MAX_GROUP}{" "}
          to a group. Change a name before you create it, or form groups by hand below.
        </p>
        {grouping && grouping.suggestions.length ? (
          <ol className="space-y-3">
            {grouping.suggestions.map((s, i) => (
              <SuggestionCard key={s.memberIds.join()} suggestion={s} index={i} lastResult={resultFor(`accept-${i}`)} />
            ))}
          </ol>
        ) : (
          <EmptyState title="No suggestions right now">
            Suggestions appear when at least {MIN_GROUP} leaders without a community have named their challenge. Ask
            leaders to name theirs, or form a community by hand below.
          </EmptyState>
        )}
        {grouping?.unplaced.length ? (
          <p className="mt-3 text-sm text-slate-700">
            Not placed in a suggestion: {grouping.unplaced.map((c) => c.name).join(", ")}. Place them by hand.
          </p>
        ) : null}
      </Card>
      <Card title="Leaders and their challenges" id="leaders-heading">
        {leaders.length === 0 ? (
          <EmptyState title="No leaders in this cohort yet">
            Add school leaders to the cohort on its Members page.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {leaders.map((l) => (
              <li key={l.id} className="grid gap-2 py-3 md:grid-cols-[1fr_2fr_auto]">
                <p className="font-semibold">{l.name}</p>
                <div className="text-sm">
                  {l.text ? (
                    <>
                      <p>{l.text}</p>
                      {l.tags?.length ? <p className="text-slate-700">Tags: {l.tags.join(", ")}</p> : null}
                    </>
                  ) : (
                    <p className="italic text-slate-700">Has not named a challenge yet.</p>
                  )}
                </div>
                <MoveForm leader={l} communities={communities} error={errorFor(l.id)} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Form a community by hand" id="create-heading">
        {unplacedLeaders.length ? (
          <CreateCommunityForm leaders={unplacedLeaders} lastResult={resultFor("create-community")} />
        ) : (
          <EmptyState title="Every leader is in a community">
            Move a leader with the Community select above to change a group.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
