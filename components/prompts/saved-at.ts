/** When a prompt or version was saved, as the user reads dates in their language. */
export function formatSavedAt(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(ms);
}
