import type { Parameters } from "@/lib/workspace/model";
import { messages as t } from "./index";

export type NullableParameter = {
  [K in keyof Parameters]: null extends Parameters[K] ? K : never;
}[keyof Parameters];

/**
 * What an unset parameter means, in the words the share page, the exports and the version diff
 * all use: nothing is sent, so the model's default applies (or no seed, or no limit).
 */
export function unsetParameterText(name: NullableParameter): string {
  if (name === "randomSeed") return t.parameters.random;
  if (name === "maxTokens") return t.parameters.unlimited;
  return t.sharePage.modelDefault;
}

/** A nullable parameter's value as text. */
export function parameterValueText<K extends NullableParameter>(name: K, value: Parameters[K]): string {
  return value === null ? unsetParameterText(name) : String(value);
}
