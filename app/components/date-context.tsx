/**
 * The signed-in person's authority DateContext (locale and time zone), given to every component
 * by the root layout so dates read the same on the server and in the browser. Without a provider
 * (tests, error pages before the root loader runs) components fall back to the default context.
 */
import { createContext, useContext, type ReactNode } from "react";
import { defaultDateContext, formatDay, type DateContext, type DateStyle } from "../kernel/dates";
import type { Terminology } from "../kernel/terminology";

const Context = createContext<DateContext>(defaultDateContext);

/** Gives the subtree this authority's date context. */
export function DateContextProvider({ value, children }: { value: DateContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The current authority's date context (en-GB / Europe/London when there is none). */
export function useDateContext(): DateContext {
  return useContext(Context);
}

/** The current authority's words (en-GB or en-US): an authority's locale is its terminology. */
export function useTerminology(): Terminology {
  return useContext(Context).locale;
}

/** A calendar date or instant as text in the current authority's locale and zone, in a <time> element. */
export function FormattedDate({
  value,
  style,
  className,
}: {
  value: Date | string;
  style: DateStyle;
  className?: string;
}) {
  const ctx = useDateContext();
  const dateTime = typeof value === "string" ? value : value.toISOString();
  return (
    <time dateTime={dateTime} className={className}>
      {formatDay(value, style, ctx)}
    </time>
  );
}
