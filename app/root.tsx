import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useNonce } from "./utils/nonce";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getAuthority } from "../db/queries/authorities";
import { unreadCount } from "../db/queries/notifications";
import { getGrants } from "../db/queries/users";
import { DateContextProvider } from "./components/date-context";
import { StatusPage, statusTitle } from "./components/status-page";
import { SiteHeader } from "./components/site-header";
import { loadMenu } from "./features/navigation/menu.server";
import { dateContextFor, defaultDateContext } from "./kernel/dates";
import type { MenuItem } from "./kernel/navigation";
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
  if (!context.user) return json({ user: null, menu: [] as MenuItem[], unread: 0, dates: defaultDateContext });
  const { db } = context.services;
  const userId = context.user.id;
  const grants = await getGrants(db, userId);
  // Everyone belongs to one authority today; its first grant names it (several would need a choice).
  const authorityId = grants[0]?.authorityId;
  const [menu, unread, authority] = await Promise.all([
    loadMenu(db, { userId, grants }),
    unreadCount(db, userId),
    authorityId ? getAuthority(db, authorityId) : null,
  ]);
  const dates = dateContextFor(authority);
  return json({ user: { name: context.user.name, email: context.user.email }, menu, unread, dates });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // Every date in the app, on the server and in the browser, follows the person's authority.
  const dates = data?.dates ?? defaultDateContext;
  const nonce = useNonce();
  return (
    <html lang={dates.locale} className="h-full bg-slate-50">
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
        <DateContextProvider value={dates}>
          <SiteHeader user={data?.user ?? null} menu={data?.menu ?? []} unread={data?.unread ?? 0} />
          {children}
        </DateContextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <StatusPage />;
}
