"use client";

import { useSyncExternalStore } from "react";
import { playground } from "@/lib/run/workspace-run";

/*
 * Narrow subscriptions to the playground's Chat instance. `useChat` re-renders its caller on every
 * streamed chunk, with status, error and messages together; here each reader takes one value, and
 * only the streaming message reads the messages, at most once per animation frame.
 */
const chat = playground.chat;

const isRunning = () => chat.status === "submitted" || chat.status === "streaming";
const currentError = () => chat.error;
const noError = () => undefined;
const notRunning = () => false;

export function useRunning(): boolean {
  return useSyncExternalStore(chat["~registerStatusCallback"], isRunning, notRunning);
}

export function useRunError(): Error | undefined {
  return useSyncExternalStore(chat["~registerErrorCallback"], currentError, noError);
}

function streamedText(): string {
  let text = "";
  for (const part of chat.lastMessage?.parts ?? []) if (part.type === "text") text += part.text;
  return text;
}

/** Chunks arriving within one frame cause one render, after the frame's other work. */
function subscribeOncePerFrame(onChange: () => void): () => void {
  let frame = 0;
  const unsubscribe = chat["~registerMessagesCallback"](() => {
    if (frame === 0)
      frame = requestAnimationFrame(() => {
        frame = 0;
        onChange();
      });
  });
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}

/** The text of the answer while it streams. */
export function useStreamedText(): string {
  return useSyncExternalStore(subscribeOncePerFrame, streamedText, () => "");
}
