import { create } from "zustand";
import type { FailureView } from "@/lib/chat/failure";

/** A failure found before sending (bad input, no key): shown like a failed run. */
export const useRunNotice = create<{ notice: FailureView | null }>()(() => ({ notice: null }));
