import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "../features/auth/service.server";

export function loader() {
  return redirect("/dashboard");
}

/** Ends the session on the server (not just the cookie), then goes to the sign-in page. */
export async function action({ context }: ActionFunctionArgs) {
  const { signedOut, cookie } = await signOut(context.services, {
    sessionId: context.sessionId,
    userId: context.user?.id,
  });
  return redirect(signedOut ? "/login?signedOut=1" : "/login", { headers: { "Set-Cookie": cookie } });
}
