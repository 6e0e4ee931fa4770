import { Fragment, type ReactNode } from "react";

/**
 * A line of figures joined by " · " that breaks between parts, never inside one ("≈" apart from
 * its amount, "44" apart from "ms"). Parts that are null are left out.
 */
export function PartsLine({
  parts,
  lead,
  className = "text-xs text-muted tabular-nums",
  ...attributes
}: {
  parts: readonly (string | null | undefined)[];
  /** Shown first, before a separator. */
  lead?: ReactNode;
  className?: string;
  "data-usage-of"?: string;
}) {
  const shown = parts.filter((part): part is string => part != null);
  return (
    <p className={className} {...attributes}>
      {lead}
      {shown.map((part, index) => (
        <Fragment key={index}>
          {lead || index > 0 ? " · " : null}
          <span className="whitespace-nowrap">{part}</span>
        </Fragment>
      ))}
    </p>
  );
}
