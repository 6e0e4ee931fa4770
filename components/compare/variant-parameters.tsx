"use client";

import { SamplingFields } from "@/components/parameters/sampling-fields";
import type { Parameters } from "@/lib/compare/request";
import type { ModelList } from "@/lib/mistral/catalogue";

/** A variant's model and sampling parameters. */
export function VariantParameters({
  parameters,
  list,
  onChange,
}: {
  parameters: Parameters;
  list: ModelList | undefined;
  onChange: <K extends keyof Parameters>(key: K, value: Parameters[K]) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      <SamplingFields parameters={parameters} list={list} onChange={onChange} gridClassName="grid grid-cols-3 gap-2" />
    </div>
  );
}
