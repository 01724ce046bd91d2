import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const messages: Record<number, { title: string; body: string }> = {
  400: { title: "Something in that request was not right", body: "Please go back and check what you entered." },
  403: { title: "You do not have access to this", body: "If you think you should, ask your local authority admin." },
  404: { title: "We could not find that page", body: "It may have moved, or you may not have access to it." },
  429: { title: "Too many attempts", body: "Please wait a few minutes and try again." },
};

/** The page title for an error, in the same plain words as its heading. */
export function statusTitle(error: unknown): string {
  return (isRouteErrorResponse(error) && messages[error.status]?.title) || "Something went wrong";
}

/** The error boundary every route shares: plain words for 403, 404 and unexpected failures. */
export function StatusPage() {
  const error = useRouteError();
  let title = "Something went wrong";
  let body = "This is our fault, not yours. Please try again in a moment.";
  if (isRouteErrorResponse(error)) {
    const known = messages[error.status];
    if (known) ({ title, body } = known);
    if (error.status === 403 && typeof error.data === "string" && error.data) body = error.data;
  }
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      <p className="mt-6">
        <Link to="/dashboard" className="font-semibold text-brand-700 underline">
          Go to your dashboard
        </Link>
      </p>
    </main>
  );
}
