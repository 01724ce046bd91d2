import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { formatPlanDate, type CommentSubject } from "../../../kernel/plan-areas";
import { CommentSchema } from "../schema";
import { countThreads, describeCounts } from "../threads";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";
import { TextareaField } from "./textarea-field";
import { useIntentResult } from "./use-intent-result";

export type CommentView = {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
};
export type ThreadView = { root: CommentView; replies: CommentView[]; resolved: boolean };

type Props = {
  subjectKind: CommentSubject;
  subjectId: string;
  /** Names the item in labels, e.g. "the target 'Attendance of disadvantaged pupils'". */
  itemName: string;
  threads: ThreadView[];
  canComment: boolean;
};

/** The SIP's feedback beside a plan item: open threads first, resolved ones folded away, with counts. */
export function CommentThreads({ subjectKind, subjectId, itemName, threads, canComment }: Props) {
  const counts = countThreads(threads);
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  const headingId = `comments-${subjectId}`;
  return (
    <section
      aria-labelledby={headingId}
      className="mt-3 rounded-md border border-amber-200 bg-amber-50/60 p-3"
      data-testid={`threads-${subjectId}`}
    >
      <h4 id={headingId} className="text-sm font-semibold text-slate-900">
        Comments <span className="font-normal text-slate-700">({describeCounts(counts)})</span>
      </h4>
      {open.length ? (
        <ThreadList threads={open} subjectKind={subjectKind} subjectId={subjectId} canComment={canComment} />
      ) : null}
      {resolved.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">
            {resolved.length} resolved {resolved.length === 1 ? "thread" : "threads"}
          </summary>
          <ThreadList threads={resolved} subjectKind={subjectKind} subjectId={subjectId} canComment={canComment} />
        </details>
      ) : null}
      {canComment ? (
        <CommentForm
          subjectKind={subjectKind}
          subjectId={subjectId}
          label={`Comment on ${itemName}`}
          submit="Add comment"
        />
      ) : threads.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No feedback on this yet.</p>
      ) : null}
    </section>
  );
}

type ThreadProps = { subjectKind: CommentSubject; subjectId: string; canComment: boolean };

function ThreadList({ threads, ...props }: ThreadProps & { threads: ThreadView[] }) {
  return (
    <ol className="mt-2 space-y-3">
      {threads.map((t) => (
        <ThreadItem key={t.root.id} thread={t} {...props} />
      ))}
    </ol>
  );
}

function ThreadItem({ thread, subjectKind, subjectId, canComment }: ThreadProps & { thread: ThreadView }) {
  const { root } = thread;
  const result = useIntentResult("thread-state", root.id);
  const navigation = useNavigation();
  return (
    <li id={`comment-${root.id}`} className="rounded border border-slate-200 bg-white p-3">
      <CommentBody comment={root} />
      {thread.replies.length ? (
        <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3" aria-label="Replies">
          {thread.replies.map((r) => (
            <li key={r.id} id={`comment-${r.id}`}>
              <CommentBody comment={r} />
            </li>
          ))}
        </ol>
      ) : null}
      {thread.resolved ? (
        <p className="mt-2 text-xs text-slate-700">
          Resolved{root.resolvedByName ? ` by ${root.resolvedByName}` : ""}
          {root.resolvedAt ? ` on ${formatPlanDate(root.resolvedAt)}` : ""}
        </p>
      ) : null}
      {canComment ? (
        <div className="mt-2 space-y-2">
          {!thread.resolved ? (
            <CommentForm
              subjectKind={subjectKind}
              subjectId={subjectId}
              parentId={root.id}
              label="Reply"
              submit="Reply"
            />
          ) : null}
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="thread-state" />
            <input type="hidden" name="commentId" value={root.id} />
            <input type="hidden" name="resolved" value={thread.resolved ? "false" : "true"} />
            <ErrorList errors={result?.error?.[""] ?? undefined} />
            <Button
              type="submit"
              variant="secondary"
              className="px-3 py-1"
              pending={navigation.formData?.get("commentId") === root.id}
            >
              {thread.resolved ? "Reopen thread" : "Resolve thread"}
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

function CommentBody({ comment }: { comment: CommentView }) {
  return (
    <div>
      <p className="text-xs text-slate-700">
        <span className="font-semibold text-slate-900">{comment.authorName ?? "Someone who has left"}</span> ·{" "}
        {formatPlanDate(comment.createdAt)}
      </p>
      <p className="mt-1 whitespace-pre-line text-sm text-slate-900">{comment.body}</p>
    </div>
  );
}

function CommentForm({
  subjectKind,
  subjectId,
  parentId,
  label,
  submit,
}: {
  subjectKind: CommentSubject;
  subjectId: string;
  parentId?: string;
  label: string;
  submit: string;
}) {
  const key = parentId ?? subjectId;
  const lastResult = useIntentResult("comment", key);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `comment-form-${key}`,
    lastResult,
    constraint: getZodConstraint(CommentSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-2 space-y-2">
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="subjectKind" value={subjectKind} />
      <input type="hidden" name="subjectId" value={subjectId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextareaField
        label={label}
        errors={fields.body.errors}
        textareaProps={{ ...getTextareaProps(fields.body), rows: 2 }}
      />
      <Button
        type="submit"
        className="px-3 py-1"
        pending={
          navigation.state === "submitting" &&
          navigation.formData?.get("intent") === "comment" &&
          navigation.formData?.get(parentId ? "parentId" : "subjectId") === key
        }
      >
        {submit}
      </Button>
    </Form>
  );
}
