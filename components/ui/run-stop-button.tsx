import { Button } from "./button";

/**
 * The one button that starts a run and, while it runs, stops it: the primary **Run** action in
 * place, replaced by a danger **Stop** (the playground's composer, Compare, the translation demo).
 */
export function RunStopButton({
  running,
  onRun,
  onStop,
  runLabel,
  stopLabel,
  disabled = false,
}: {
  running: boolean;
  onRun: () => void;
  onStop: () => void;
  runLabel: string;
  stopLabel: string;
  /** Run only: Stop stays available while anything runs. */
  disabled?: boolean;
}) {
  return running ? (
    <Button variant="danger" onClick={onStop}>
      {stopLabel}
    </Button>
  ) : (
    <Button variant="primary" disabled={disabled} onClick={onRun}>
      {runLabel}
    </Button>
  );
}
