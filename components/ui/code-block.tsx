import { cn } from "./cn";

/**
 * Preformatted text. Content is rendered as a React text node, never as HTML, so LLM output
 * such as `<img onerror=…>` shows up literally.
 */
export function CodeBlock({ children, className, label }: { children: string; className?: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      className={cn("max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md border border-border bg-bg p-2.5 font-mono text-[12px] leading-5", className)}
    >
      {children}
    </pre>
  );
}
