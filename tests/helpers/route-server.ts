import http from "node:http";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", RouteHandler>>;

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves App Router route modules on a real 127.0.0.1 port, so tests (and real HTTP clients
 * such as the OpenTelemetry exporters) exercise the actual handlers over the network without
 * a `next build`. Patterns use Next's segment syntax: `/api/v1/events/[id]`.
 */
export async function startRouteServer(routes: Record<string, RouteModule>): Promise<RouteServer> {
  const table = Object.entries(routes).map(([pattern, mod]) => ({ match: compile(pattern), mod }));
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const found = table.map((r) => ({ r, params: r.match(url.pathname) })).find((x) => x.params);
      const handler = found?.r.mod[req.method as keyof RouteModule];
      if (!found || !handler) {
        res.writeHead(found ? 405 : 404).end();
        return;
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const init = {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        duplex: "half",
      };
      const nreq = new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
      const out = await handler(nreq, { params: Promise.resolve(found.params!) });
      res.writeHead(out.status, Object.fromEntries(out.headers.entries()));
      res.end(Buffer.from(await out.arrayBuffer()));
    } catch (err) {
      res.writeHead(599).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function compile(pattern: string): (path: string) => Record<string, string> | null {
  const names: string[] = [];
  const re = new RegExp(
    "^" +
      pattern.replace(/\[(\w+)\]/g, (_, n: string) => {
        names.push(n);
        return "([^/]+)";
      }) +
      "/?$",
  );
  return (path) => {
    const m = re.exec(path);
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  };
}
