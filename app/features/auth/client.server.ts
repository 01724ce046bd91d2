import type { AppLoadContext } from "@remix-run/node";
import type { Client } from "./service.server";
import { readDeviceToken } from "./trusted-device.server";

/** Who is at the keyboard, for the sign-in services: address, session and trusted-device token. */
export function clientOf(context: AppLoadContext, request: Request): Client {
  return {
    ip: context.clientIp,
    sessionId: context.sessionId,
    deviceToken: readDeviceToken(request.headers.get("Cookie")),
  };
}

/** Response headers that set every cookie given (one Set-Cookie header each). */
export function setCookies(cookies: string[]): Headers {
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return headers;
}
