/**
 * The one place access is decided, split by area. Every function is pure: the UI calls them to show
 * or hide, `require…` guards call them to answer 403/404, and the collaboration server calls them
 * (with the same actor, grants included) to refuse a connection or open it read-only. Never
 * re-derive access inline.
 */
export * from "./actor";
export * from "./authority";
export * from "./cohort";
export * from "./community";
export * from "./documents";
export * from "./school";
