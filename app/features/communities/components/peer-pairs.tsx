import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { PeerPairSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList, SelectField } from "../../../components/ui/field";

type Person = { id: string; name: string };

/** Step 3's pairs: members see who they are paired with; the facilitator pairs and unpairs here. */
export function PeerPairs({
  members,
  pairs,
  meId,
  canSetPairs,
  lastResult,
}: {
  members: Person[];
  pairs: Array<[string, string]>;
  meId: string;
  canSetPairs: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const name = (id: string) => members.find((m) => m.id === id)?.name ?? "A former member";
  const mine = pairs.find((p) => p.includes(meId));
  const partner = mine ? (mine[0] === meId ? mine[1] : mine[0]) : null;
  const isMember = members.some((m) => m.id === meId);
  return (
    <Card title="Peer-check pairs" id="pairs-heading">
      {isMember ? (
        <p className="mb-3 text-slate-800" data-testid="my-partner">
          {partner ? (
            <>
              Your peer-check partner is <strong>{name(partner)}</strong>.
            </>
          ) : (
            "You have no peer-check partner yet; the facilitator sets the pairs."
          )}
        </p>
      ) : null}
      {pairs.length === 0 ? (
        <EmptyState title="No pairs yet">
          {canSetPairs
            ? "Pair members with the form below."
            : "The facilitator pairs members for the peer check (step 3)."}
        </EmptyState>
      ) : (
        <ul className="space-y-2" aria-label="Pairs">
          {pairs.map(([a, b]) => (
            <li key={`${a}+${b}`} className="flex flex-wrap items-center gap-3">
              <span>
                {name(a)} and {name(b)}
              </span>
              {canSetPairs ? (
                <Form method="post">
                  <input type="hidden" name="userId" value={a} />
                  <button type="submit" name="intent" value="unpair" className="text-sm text-red-800 underline">
                    Unpair {name(a)} and {name(b)}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canSetPairs ? <PairForm members={members} lastResult={lastResult} /> : null}
    </Card>
  );
}

function PairForm({ members, lastResult }: { members: Person[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "pair",
    lastResult,
    constraint: getZodConstraint(PeerPairSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PeerPairSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const options = members.map((m) => (
    <option key={m.id} value={m.id}>
      {m.name}
    </option>
  ));
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <ErrorList id={form.errorId} errors={form.errors} />
      <SelectField label="Member" errors={fields.userId.errors} selectProps={getSelectProps(fields.userId)}>
        <option value="">Choose a member</option>
        {options}
      </SelectField>
      <SelectField label="Partner" errors={fields.partnerId.errors} selectProps={getSelectProps(fields.partnerId)}>
        <option value="">Choose their partner</option>
        {options}
      </SelectField>
      <Button type="submit" name="intent" value="pair" pending={navigation.state === "submitting"}>
        Pair them
      </Button>
    </Form>
  );
}
