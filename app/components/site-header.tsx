import { Form, Link, NavLink } from "@remix-run/react";
import type { MenuItem } from "../kernel/navigation";
import { HeaderSearch } from "./search/header-search";

/** The signed-in person as the header shows them. */
export type HeaderUser = { name: string; email: string };

const navClass = ({ isActive }: { isActive: boolean }) =>
  `flex min-h-11 items-center rounded px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-800 text-white" : "text-brand-50 hover:bg-brand-800"}`;

/**
 * The top of every page: the home link and, once signed in, the person's menu (Dashboard, then their
 * roles' work), the search box, their name (to their profile) and Sign out. On narrow screens the menu folds behind a
 * "Menu" disclosure (a <details>, so it works without JavaScript and from the keyboard).
 */
export function SiteHeader({ user, menu, unread }: { user: HeaderUser | null; menu: MenuItem[]; unread: number }) {
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          to={user ? "/dashboard" : "/login"}
          className="inline-flex min-h-11 items-center text-xl font-bold tracking-tight text-white"
        >
          Commons
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="hidden flex-1 md:block">
              <MenuList menu={menu} className="flex flex-wrap items-center gap-1" />
            </nav>
            <details className="group md:hidden">
              <summary className="flex min-h-11 cursor-pointer list-none items-center rounded border border-brand-50 px-3 py-1.5 text-sm font-medium hover:bg-brand-800">
                Menu<span className="sr-only"> of your work</span>
              </summary>
              <nav aria-label="Main" className="mt-2">
                <MenuList menu={menu} className="flex flex-col gap-1" />
              </nav>
            </details>
            <div className="flex flex-wrap items-center gap-1">
              <HeaderSearch />
              <NavLink to="/notifications" className={navClass} data-testid="notifications-link">
                Notifications
                {unread > 0 ? (
                  <>
                    {" "}
                    <span className="ml-0.5 rounded-full bg-white px-1.5 py-0.5 text-xs font-bold text-brand-800">
                      {unread}
                    </span>
                    <span className="sr-only"> unread</span>
                  </>
                ) : null}
              </NavLink>
              <NavLink to="/profile" className={navClass}>
                {user.name}
                <span className="sr-only">: your profile</span>
              </NavLink>
              <Form method="post" action="/logout">
                <button
                  type="submit"
                  className="min-h-11 rounded border border-brand-50 px-3 py-1.5 text-sm font-medium hover:bg-brand-800"
                >
                  Sign out
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

function MenuList({ menu, className }: { menu: MenuItem[]; className: string }) {
  return (
    <ul className={className}>
      <li>
        <NavLink to="/dashboard" className={navClass}>
          Dashboard
        </NavLink>
      </li>
      {menu.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} className={navClass}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
