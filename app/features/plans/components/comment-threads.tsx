import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormattedDate } from "../../../components/date-context";
import type { CommentSubject } from "../../../kernel/plan-areas";
import { CommentSchema } from "../schema";
import { countThreads, describeCounts } from "../threads";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";
import { TextareaField } from "./textarea-field";
import { useIntentResult, type IntentReply } from "./use-intent-result";

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
  /** Shown in the fold's summary where several items' comments sit together ("Attendance % · Year 6"). */
  visibleName?: string;
  threads: ThreadView[];
  canComment: boolean;
};

/**
 * The feedback on a plan item, folded behind its count ("Comments (2 open)") so the plan reads as a
 * document; the threads and the comment form are inside. It opens by itself when a link points at
 * one of its comments, or when one of its forms has just been sent (to show the result or errors).
 */
export function CommentThreads({ subjectKind, subjectId, itemName, visibleName, threads, canComment }: Props) {
  const counts = countThreads(threads);
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  const keys = [subjectId, ...threads.map((t) => t.root.id)];
  const reply = useActionData<IntentReply>();
  const replied = (r: IntentReply | undefined) =>
    Boolean(r && (r.intent === "comment" || r.intent === "thread-state") && r.key && keys.includes(r.key));
  const [expanded, setExpanded] = useState(replied(reply));
  const details = useRef<HTMLDetailsElement>(null);
  const { hash } = useLocation();

  useEffect(() => {
    if (replied(reply)) setExpanded(true);
    // Only a new reply matters; the keys change with every comment added.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reply]);
  useEffect(() => {
    // A notification links to "#comment-<id>": open the fold so the browser can show it.
    const target = hash.startsWith("#comment-") ? document.getElementById(hash.slice(1)) : null;
    if (target && details.current?.contains(target)) {
      setExpanded(true);
      requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
    }
  }, [hash]);

  return (
    <details
      ref={details}
      open={expanded}
      onToggle={(e) => setExpanded(e.currentTarget.open)}
      className="group mt-3 rounded-md border border-slate-200 bg-white text-sm"
      data-testid={`threads-${subjectId}`}
    >
      <summary className="cursor-pointer px-3 py-2 font-semibold text-brand-800 hover:bg-slate-50">
        {visibleName ? (
          <>Comments on {visibleName}</>
        ) : (
          <>
            Comments<span className="sr-only"> on {itemName}</span>
          </>
        )}{" "}
        <span className={counts.open ? "text-amber-900" : "font-normal text-slate-700"}>
          ({describeCounts(counts)})
        </span>
      </summary>
      <div className="border-t border-slate-200 px-3 pb-3">
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
          <p className="mt-2 text-sm text-slate-700">No feedback on this yet.</p>
        ) : null}
      </div>
    </details>
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
          {root.resolvedAt ? (
            <>
              {" "}
              on <FormattedDate value={root.resolvedAt} style="date" />
            </>
          ) : null}
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
        <FormattedDate value={comment.createdAt} style="date-time" />
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
