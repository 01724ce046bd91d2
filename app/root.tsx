import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { unreadCount } from "../db/queries/notifications";
import { getGrants } from "../db/queries/users";
import { StatusPage, statusTitle } from "./components/status-page";
import { adminAuthorityIds } from "./kernel/permissions";
import styles from "./styles/app.css";

// An inline icon, so browsers do not ask for a /favicon.ico that does not exist (a 404 in the console).
const favicon =
  "data:image/svg+xml," +
  encodeURIComponent(
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#185a4a'/>" +
      "<text x='16' y='23' font-family='sans-serif' font-size='20' font-weight='700' fill='#fff' text-anchor='middle'>C</text></svg>",
  );

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: favicon, type: "image/svg+xml" },
];

// The title any page without its own gets, including error pages (403, 404) shown by a boundary.
export const meta: MetaFunction = ({ error }) => [{ title: error ? `${statusTitle(error)} · Commons` : "Commons" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return json({ user: null, isAdmin: false, unread: 0 });
  const [grants, unread] = await Promise.all([
    getGrants(context.services.db, context.user.id),
    unreadCount(context.services.db, context.user.id),
  ]);
  return json({
    user: { name: context.user.name, email: context.user.email },
    isAdmin: adminAuthorityIds({ userId: context.user.id, grants }).length > 0,
    unread,
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB" className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full font-sans text-slate-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        <Header user={data?.user ?? null} isAdmin={data?.isAdmin ?? false} unread={data?.unread ?? 0} />
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

function Header({
  user,
  isAdmin,
  unread,
}: {
  user: { name: string; email: string } | null;
  isAdmin: boolean;
  unread: number;
}) {
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-800 text-white" : "text-brand-50 hover:bg-brand-800"}`;
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to={user ? "/dashboard" : "/login"} className="text-xl font-bold tracking-tight text-white">
          Commons
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
            <NavLink to="/dashboard" className={navClass}>
              Dashboard
            </NavLink>
            {isAdmin ? (
              <NavLink to="/admin" className={navClass}>
                Authority admin
              </NavLink>
            ) : null}
            <NavLink
              to="/notifications"
              className={navClass}
              aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
              data-testid="notifications-link"
            >
              Notifications
              {unread > 0 ? (
                <span
                  aria-hidden="true"
                  className="ml-1.5 rounded-full bg-white px-1.5 py-0.5 text-xs font-bold text-brand-800"
                >
                  {unread}
                </span>
              ) : null}
            </NavLink>
            <span className="px-3 text-sm text-brand-50">{user.name}</span>
            <Form method="post" action="/logout">
              <button
                type="submit"
                className="rounded border border-brand-50 px-3 py-1.5 text-sm font-medium hover:bg-brand-800"
              >
                Sign out
              </button>
            </Form>
          </nav>
        ) : null}
      </div>
    </header>
  );
}

export function ErrorBoundary() {
  return <StatusPage />;
}
