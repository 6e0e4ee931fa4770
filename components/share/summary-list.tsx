/** A titled card of label–value rows, as in the playground's side panels. */
export function SummaryList({ heading, rows }: { heading: string; rows: [label: string, value: string][] }) {
  return (
    <section aria-label={heading} className="rounded-lg border border-border bg-surface p-3">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{heading}</h2>
      <dl className="text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3 py-0.5">
            <dt className="text-muted">{label}</dt>
            <dd className="text-right font-medium [overflow-wrap:anywhere] tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
