/** A field's error under the field; `id` is what the input's aria-describedby points at. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="text-[11px] font-normal text-bad">
      {message}
    </span>
  );
}
