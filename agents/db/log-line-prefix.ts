// PostgreSQL's `log_line_prefix` → a regex that splits a stderr log line into its prefix fields
// and the `SEVERITY:  message` that follows. Knowing the prefix is what lets the agent read the
// process id, time and database of a line whatever the server's logging configuration.
// Escapes: https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-LINE-PREFIX

export const SEVERITIES = ["DEBUG5", "DEBUG4", "DEBUG3", "DEBUG2", "DEBUG1", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "LOG", "FATAL", "PANIC", "DETAIL", "HINT", "QUERY", "CONTEXT", "LOCATION", "STATEMENT"] as const;

export interface LogLine {
  severity: string;
  message: string;
  pid: number | null;
  /** ISO-8601 when the prefix has a time whose zone can be read (UTC or a numeric offset). */
  time: string | null;
  database: string | null;
  user: string | null;
  application: string | null;
}

const TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?: [A-Za-z0-9+:-]+)?";

// The capture group names of the escapes the agent uses; each may appear once in a regex.
const FIELDS: Record<string, { pattern: string; group?: string }> = {
  a: { pattern: ".*?", group: "application" },
  u: { pattern: ".*?", group: "user" },
  d: { pattern: ".*?", group: "database" },
  p: { pattern: "\\d+", group: "pid" },
  m: { pattern: TIMESTAMP, group: "time" },
  t: { pattern: TIMESTAMP, group: "time" },
  n: { pattern: "\\d+(?:\\.\\d+)?", group: "epoch" },
  r: { pattern: ".*?" },
  h: { pattern: ".*?" },
  b: { pattern: ".*?" },
  i: { pattern: ".*?" },
  P: { pattern: "\\d*" },
  e: { pattern: "[0-9A-Z]{5}" },
  c: { pattern: "[0-9a-f]+\\.[0-9a-f]+" },
  l: { pattern: "\\d+" },
  s: { pattern: TIMESTAMP },
  v: { pattern: "[0-9/]*" },
  x: { pattern: "\\d*" },
  Q: { pattern: "-?\\d*" },
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface LogLineParser {
  parse(line: string): LogLine | null;
}

export function compileLogLinePrefix(prefix: string): LogLineParser {
  const used = new Set<string>();
  let body = "";
  let optionalFrom = -1;
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i]!;
    if (ch !== "%") {
      body += escapeRegex(ch);
      continue;
    }
    // %-10u / %10u pad the value with spaces to a width.
    const padding = /^-?\d+/.exec(prefix.slice(i + 1))?.[0] ?? "";
    i += padding.length + 1;
    const escape = prefix[i];
    if (escape === undefined) break;
    if (escape === "%") body += "%";
    else if (escape === "q") optionalFrom = body.length; // non-session processes stop here
    else {
      const field = FIELDS[escape] ?? { pattern: ".*?" };
      const group = field.group && !used.has(field.group) ? field.group : undefined;
      if (group) used.add(group);
      const value = group ? `(?<${group}>${field.pattern})` : `(?:${field.pattern})`;
      body += padding ? ` *${value} *` : value;
    }
  }
  if (optionalFrom >= 0) body = `${body.slice(0, optionalFrom)}(?:${body.slice(optionalFrom)})?`;
  const severities = SEVERITIES.join("|");
  const exact = new RegExp(`^${body}(?<severity>${severities}):  (?<message>.*)$`);
  // Lines written before the prefix was changed still have a severity to find.
  const loose = new RegExp(`^(?:.*?)(?<severity>${severities}):  (?<message>.*)$`);
  return {
    parse(line) {
      const match = exact.exec(line) ?? loose.exec(line);
      if (!match?.groups) return null;
      const g = match.groups;
      return {
        severity: g.severity!,
        message: g.message!,
        pid: g.pid ? Number(g.pid) : null,
        time: g.time ? logTimeToIso(g.time) : g.epoch ? new Date(Number(g.epoch) * 1_000).toISOString() : null,
        database: g.database || null,
        user: g.user || null,
        application: g.application || null,
      };
    },
  };
}

/** `2026-11-25 18:10:01.123 UTC` → ISO-8601; null for zone abbreviations it cannot resolve (CET, EST...). */
export function logTimeToIso(text: string): string | null {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)(?: (.+))?$/.exec(text.trim());
  if (!match) return null;
  const zone = match[3] ?? "UTC";
  let offset: string;
  if (/^(UTC|GMT|Z|UCT)$/i.test(zone)) offset = "Z";
  else if (/^[+-]\d{1,2}(?::?\d\d)?$/.test(zone)) {
    const [, sign, hours, minutes = "00"] = /^([+-])(\d{1,2}):?(\d\d)?$/.exec(zone)!;
    offset = `${sign}${hours!.padStart(2, "0")}:${minutes}`;
  } else return null;
  const iso = `${match[1]}T${match[2]}${offset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
