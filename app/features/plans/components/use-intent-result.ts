import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";

export type IntentReply = { intent?: string; key?: string; result?: SubmissionResult<string[]> };

/**
 * The last submission's result for one form of a page with many (each posts its `intent`, and a
 * `key` when the same form appears per item), so only that form shows errors and keeps input.
 */
export function useIntentResult(intent: string, key?: string): SubmissionResult<string[]> | undefined {
  const data = useActionData<IntentReply>();
  if (!data || data.intent !== intent || (key !== undefined && data.key !== key)) return undefined;
  return data.result;
}
