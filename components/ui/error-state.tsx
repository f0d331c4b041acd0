import { Button } from "./button";

/** A failed request: what went wrong and, when the caller can retry, a button to do so. */
export function ErrorState({ error, onRetry, retrying }: { error: unknown; onRetry?: () => void; retrying?: boolean }) {
  const message = error instanceof Error ? error.message : "Something went wrong";
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-bad/30 bg-bad/10 px-3 py-2 text-xs text-bad">
      <span>Could not load data: {message}</span>
      {onRetry ? (
        <Button onClick={onRetry} disabled={retrying}>
          {retrying ? "Retrying…" : "Retry"}
        </Button>
      ) : null}
    </div>
  );
}
