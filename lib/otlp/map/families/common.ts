import type { Family } from "../family";

/**
 * General OpenTelemetry conventions, lowest precedence: the user and session of the span, and
 * the deployment environment and service of the resource.
 */
export const common: Family = {
  name: "common",
  namespaces: ["*"],
  fields: {
    userId: (s) => s.string("user.id", 256) ?? s.string("enduser.id", 256),
    sessionId: (s) => s.string("session.id", 256),
    environment: (s) =>
      s.string("deployment.environment.name", 64) ??
      s.resourceString("deployment.environment.name", 64) ??
      s.resourceString("deployment.environment", 64),
  },
  metadata(s) {
    const out = [];
    for (const [key, name] of [["service.name", "service"], ["service.version", "serviceVersion"]]) {
      const v = s.resourceString(key, 500);
      if (v) out.push({ key: name, value: v.value, from: v.from });
    }
    return out;
  },
};
