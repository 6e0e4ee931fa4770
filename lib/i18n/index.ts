import { en } from "./en";

export type Messages = typeof en;

/** The active catalogue. Only English exists today; Chinese and Korean will plug in here. */
export const messages: Messages = en;

/** Fills `{name}` placeholders of a catalogue string. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
