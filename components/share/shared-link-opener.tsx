"use client";

import { useEffect } from "react";
import { importShare } from "@/lib/run/transcript-import";

/**
 * Handles "Open in playground" from a share page, which links to `/?share={id}`: the share
 * replaces the workspace (after asking, when there is work to lose) and the parameter goes, so a
 * reload does not ask again.
 */
export function SharedLinkOpener() {
  useEffect(() => {
    const id = new URL(window.location.href).searchParams.get("share");
    if (id === null) return;
    const controller = new AbortController();
    void importShare(id, controller.signal).then(() => {
      if (controller.signal.aborted) return;
      const url = new URL(window.location.href);
      url.searchParams.delete("share");
      window.history.replaceState(window.history.state, "", url);
    });
    return () => controller.abort();
  }, []);
  return null;
}
