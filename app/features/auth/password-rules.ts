/** Password rules the browser needs too (hints, client-side checks); no server code here. */
export const MIN_PASSWORD_LENGTH = 12;
