export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** US$ with enough digits to show a fraction of a cent. */
export function formatCost(dollars: number): string {
  if (dollars === 0) return "$0";
  if (dollars < 0.01) return `$${dollars.toPrecision(2)}`;
  return `$${dollars.toFixed(4)}`;
}

export function formatInteger(n: number): string {
  return n.toLocaleString("en-US");
}

/** A rate with one decimal, grouped like the integers: "1,234.5". */
export function formatRate(n: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
