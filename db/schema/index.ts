export * from "./authorities";
export * from "./schools";
export * from "./users";
export * from "./invitations";
export * from "./mail";
export * from "./throttle";
