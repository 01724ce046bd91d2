import { redirect, type ActionFunctionArgs } from "@remix-run/node";

export function loader() {
  return redirect("/dashboard");
}

/** Ends the session on the server (not just the cookie), then goes to the sign-in page. */
export async function action({ context }: ActionFunctionArgs) {
  const { auth, logger } = context.services;
  if (!context.sessionId) return redirect("/login", { headers: { "Set-Cookie": auth.blankCookie() } });
  const cookie = await auth.endSession(context.sessionId);
  // Live-editing sockets of this session close now (other instances notice within a minute).
  context.services.realtime.sessionEnded(context.sessionId);
  logger.info("signed out", { userId: context.user?.id });
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": cookie } });
}
