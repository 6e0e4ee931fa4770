import { inputClass } from "@/components/ui/field";
import { checkKinds, type CheckKind } from "@/lib/compare/checks";
import { cn } from "@/lib/cn";
import { useTranslations } from "next-intl";

/** Which check an answer gets: contains, equals, regular expression, valid JSON, schema. */
export function CheckSelect({
  label,
  value,
  onChange,
  className,
}: {
  label: string;
  value: CheckKind | "";
  onChange: (kind: CheckKind) => void;
  className?: string;
}) {
  const t = useTranslations();
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as CheckKind)}
      className={cn(inputClass, className)}
    >
      {value === "" ? <option value="">—</option> : null}
      {checkKinds.map((kind) => (
        <option key={kind} value={kind}>
          {t(`compare.checks.${kind}`)}
        </option>
      ))}
    </select>
  );
}
