import { createContext, useContext, type ReactNode } from "react";

/**
 * This response's Content-Security-Policy nonce (server/security-headers.ts), for the inline scripts
 * Remix renders. In the browser it is "": a nonce attribute is hidden from scripts once parsed, and
 * nothing added after hydration is an inline script.
 */
const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export const useNonce = () => useContext(NonceContext);
