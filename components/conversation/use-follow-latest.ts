"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Space kept between the end of the conversation and the composer pinned under it. */
const GAP = 12;
/** How far above the composer the end may be and still count as "at the latest". */
const SLACK = 32;

/**
 * Keeps the end of the conversation (the streaming answer, an error) in view above the pinned
 * composer. A run, or a new error, brings the end into view and, while the answer streams, follows
 * it as it grows. Scrolling up during a run stops following until the user jumps back (`jump`) or
 * scrolls to the end again; `detached` says when to offer that jump. `failure` is the error's
 * source object: a new one is a new error.
 */
export function useFollowLatest({ running, failure }: { running: boolean; failure: object | null }) {
  const latest = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLDivElement>(null);
  const [detached, setDetached] = useState(false);
  // A run that starts and an error that appears each ask once to bring the end into view.
  const [revealRequest, setRevealRequest] = useState(0);
  const [seen, setSeen] = useState({ running, failure });
  if (seen.running !== running || seen.failure !== failure) {
    setSeen({ running, failure });
    if ((running && !seen.running) || (failure !== null && failure !== seen.failure)) {
      setDetached(false);
      setRevealRequest((n) => n + 1);
    } else if (!running && seen.running && !detached) {
      // The finished answer replaces the streaming one: bring its last lines and usage into view.
      setRevealRequest((n) => n + 1);
    }
  }

  const reveal = useCallback(() => {
    const end = latest.current?.getBoundingClientRect();
    const pinned = composer.current?.getBoundingClientRect();
    if (!end || !pinned) return;
    const overlap = end.bottom + GAP - Math.min(pinned.top, window.innerHeight);
    if (overlap > 0) window.scrollBy({ top: overlap, behavior: "instant" });
  }, []);

  // In the next frame, not in the effect: effects of a keypress run in the same task as its
  // render, and measuring there would add the style and layout of the whole conversation to it
  // (one long task at Run and at the end of an answer in a long conversation).
  useEffect(() => {
    if (revealRequest === 0) return;
    const frame = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(frame);
  }, [revealRequest, reveal]);

  // While a run is followed, every growth of the conversation (the streaming text) is followed.
  // Scrolling up during the run detaches; reaching the end again reattaches. Both listeners share
  // `following`, so a growth measured in the same frame as the user's scroll does not undo it.
  useEffect(() => {
    const element = latest.current;
    if (!element) return;
    let following = running && !detached;
    let lastY = window.scrollY;
    const onScroll = () => {
      const end = latest.current?.getBoundingClientRect();
      const pinned = composer.current?.getBoundingClientRect();
      const movedUp = window.scrollY < lastY;
      lastY = window.scrollY;
      if (!end || !pinned) return;
      if (end.bottom <= Math.min(pinned.top, window.innerHeight) + SLACK) setDetached(false);
      else if (movedUp && running) {
        following = false;
        setDetached(true);
      }
    };
    const observer = new ResizeObserver(() => {
      if (following) reveal();
    });
    window.addEventListener("scroll", onScroll, { passive: true });
    observer.observe(element);
    return () => {
      window.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, [running, detached, reveal]);

  const jump = useCallback(() => {
    setDetached(false);
    reveal();
  }, [reveal]);

  return { latest, composer, detached, jump };
}
