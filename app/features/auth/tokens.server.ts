import { createHash, randomBytes } from "node:crypto";

/** A fresh random token for a link (256 bits, URL-safe) and the hash that is stored instead of it. */
export function createToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** SHA-256 of a token: what the database keeps, so a leaked table holds no usable links. */
export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
