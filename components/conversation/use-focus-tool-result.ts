"use client";

import { useEffect, useState, type RefObject } from "react";
import { useWorkspace } from "@/lib/store/workspace-store";

/**
 * When a run ends in tool calls, the first of the tool results added for them takes the focus:
 * writing the result is what comes next. It waits for the conversation's controls to be enabled
 * again (`controlsDisabled`), which may be a render after the run ends.
 */
export function useFocusToolResult(running: boolean, controlsDisabled: boolean, list: RefObject<HTMLElement | null>) {
  const [wasRunning, setWasRunning] = useState(running);
  const [runsEnded, setRunsEnded] = useState(0);
  if (wasRunning !== running) {
    setWasRunning(running);
    if (!running) setRunsEnded((n) => n + 1);
  }

  useEffect(() => {
    if (runsEnded === 0 || controlsDisabled) return;
    const { messages } = useWorkspace.getState();
    if (messages.at(-1)?.role !== "tool") return;
    const first = messages.findLastIndex((message) => message.role !== "tool") + 1;
    list.current?.querySelectorAll("li[data-role]")[first]?.querySelector("textarea")?.focus();
  }, [runsEnded, controlsDisabled, list]);
}
