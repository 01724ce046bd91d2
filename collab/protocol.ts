/** y-websocket message types (the first varUint of every frame), plus our one extension. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Ours: "everything up to this state vector is in the database". Sent only to clients that asked
   * for it with the `saved=1` URL parameter, so an unmodified y-websocket client never sees it.
   */
  saved: 100,
} as const;

/** The URL parameter a client sets to receive `saved` messages. */
export const SAVED_PARAM = "saved";
