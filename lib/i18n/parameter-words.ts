import type { Parameters } from "@/lib/workspace/model";
import { t, type Translator } from "./index";

export type NullableParameter = {
  [K in keyof Parameters]: null extends Parameters[K] ? K : never;
}[keyof Parameters];

/**
 * What an unset parameter means, in the words the share page, the exports and the version diff
 * all use: nothing is sent, so the model's default applies (or no seed, or no limit).
 */
export function unsetParameterText(name: NullableParameter, translate: Translator = t): string {
  if (name === "randomSeed") return translate("parameters.random");
  if (name === "maxTokens") return translate("parameters.unlimited");
  return translate("sharePage.modelDefault");
}

/** A nullable parameter's value as text. */
export function parameterValueText<K extends NullableParameter>(
  name: K,
  value: Parameters[K],
  translate: Translator = t,
): string {
  return value === null ? unsetParameterText(name, translate) : String(value);
}
