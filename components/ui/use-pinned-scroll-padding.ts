"use client";

import { useEffect, type RefObject } from "react";

/**
 * Keeps the page's scroll padding on `side` as tall as a pinned (sticky) element, so that what the
 * keyboard focuses, or what is scrolled into view, is never left underneath it.
 */
export function usePinnedScrollPadding(pinned: RefObject<HTMLElement | null>, side: "top" | "bottom"): void {
  useEffect(() => {
    const element = pinned.current;
    if (!element) return;
    const style = document.documentElement.style;
    const property = side === "top" ? "scrollPaddingTop" : "scrollPaddingBottom";
    const observer = new ResizeObserver(() => {
      style[property] = `${element.offsetHeight}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      style[property] = "";
    };
  }, [pinned, side]);
}
