/**
 * A `Retry-After` header value (RFC 9110 §10.2.3: delay-seconds or an HTTP date) as milliseconds
 * from `now`; undefined when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  // A bare number with a sign or a fraction is neither form; Date.parse would read some as years.
  if (Number.isNaN(date) || /^[-+.\d\s]+$/.test(text)) return undefined;
  return Math.max(0, date - now);
}
