export function ErrorState({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : "Something went wrong";
  return (
    <div role="alert" className="rounded-md border border-bad/30 bg-bad/10 px-3 py-2 text-xs text-bad">
      Could not load data: {message}
    </div>
  );
}
