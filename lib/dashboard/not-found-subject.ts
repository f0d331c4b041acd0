/** What a not-found page should name, from the path that was asked for. */
export interface NotFoundSubject {
  title: string;
  detail: string;
}

const ENTITIES: Record<string, string> = { models: "model", prompts: "prompt", traces: "trace", sessions: "session", users: "user" };

export function notFoundSubject(pathname: string): NotFoundSubject {
  const [first, second] = pathname.split("/").filter(Boolean);
  const entity = first ? ENTITIES[first] : undefined;
  if (entity && second) {
    let name = second;
    try {
      name = decodeURIComponent(second);
    } catch {
      // A malformed escape is shown as typed.
    }
    return { title: `No ${entity} “${name}”`, detail: `This project has no ${entity} with that name or id in its data.` };
  }
  return { title: "Page not found", detail: `Nothing lives at ${pathname}.` };
}
