/**
 * "Jan 5, 2026, 2:30 PM" in the reader's language: in UTC, named as such, where no time zone of
 * the reader is known (server-rendered pages); in the reader's own zone otherwise.
 */
export function formatShareDate(iso: string, locale: string, { utc = false }: { utc?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(utc ? { timeZone: "UTC" } : {}),
  }).format(date);
  return utc ? `${text} UTC` : text;
}
