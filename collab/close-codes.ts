/**
 * WebSocket close codes, shared by the server and the browser. The y-websocket client treats
 * 4400–4499 as permanent (it stops reconnecting) and everything else as transient (it backs off
 * and retries), so each code sits in the band that gives the right behaviour.
 */
export const CloseCodes = {
  /** The message could not be decoded, or its type is unknown. Permanent: a client that sends it is broken. */
  badMessage: 4400,
  /** The session ended (signed out or expired). Permanent until the person signs in again. */
  sessionEnded: 4401,
  /** Access to the document was removed. Permanent. */
  accessRevoked: 4403,
  /** A change this person may not make (someone else's presence or words, a facilitator's setting). Permanent: reload to resync. */
  refused: 4422,
  /** One message was larger than the server accepts. Permanent. */
  messageTooLarge: 4413,
  /** Too many messages too fast. Permanent for this connection. */
  flood: 4429,
  /** The server is shutting down; reconnect (to this or another instance). Transient. */
  serverRestarting: 4500,
  /** The document could not be loaded or saved; reconnect and your edits are sent again. Transient. */
  storageUnavailable: 4503,
} as const;

export type CloseCode = (typeof CloseCodes)[keyof typeof CloseCodes];

/** Plain words for each close code, for logs and for the editor's status line. */
export const closeReasons: Record<CloseCode, string> = {
  4400: "The connection sent a message the server could not read.",
  4401: "You have been signed out. Sign in again to keep editing.",
  4403: "You no longer have access to this document.",
  4413: "A change was too large to send.",
  4422: "A change you made is not allowed here, so it was not kept. The page opens the document again as everyone else sees it.",
  4429: "Too many changes were sent too quickly.",
  4500: "The server is restarting. Reconnecting…",
  4503: "Saving is unavailable for a moment. Reconnecting…",
};

/** Whether the client should stop reconnecting after this code. */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
