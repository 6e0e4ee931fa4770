const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** When a prompt or version was saved, as the user reads dates. */
export function formatSavedAt(ms: number): string {
  return dateTime.format(ms);
}
