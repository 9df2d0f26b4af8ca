// Query text with its values taken out: string, dollar-quoted and numeric literals become `?`,
// comments are dropped, identifiers, keywords and `$1` parameters stay. Used for every query
// text the agent ships from a database with masked columns, so a masked value written as a
// literal (`... card_number = '4111...'`) never leaves in clear.
//
// This is the twin of sightline_audit.redact_literals() in sql/audit-schema.sql (the trigger
// redacts statements inside the database); both tokenise the same way and are tested against the
// same cases. When in doubt they redact more, never less: an unterminated literal or a
// dollar-quoted body runs to the end of the text, and a nested block comment (which PostgreSQL
// allows and a flat tokeniser cannot follow) withholds the whole text (null).

const NESTED_COMMENT = /\/\*(?:[^*]|\*+[^*/])*\/\*/;

// Alternatives in an order where the first match is also the longest, as in PostgreSQL's
// leftmost-longest regex engine, so both tokenisers cut the same tokens.
function tokenPattern(standardConformingStrings: boolean) {
  const plainString = standardConformingStrings ? "'(?:[^']|'')*'?" : "'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'?";
  return new RegExp(
    [
      "--[^\\n]*",
      "/\\*(?:[^*]|\\*+[^*/])*(?:\\*+/)?",
      "[Ee]'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'?",
      plainString,
      '"(?:[^"]|"")*"?',
      "\\$(?:[A-Za-z_][A-Za-z_0-9]*)?\\$[\\s\\S]*",
      "\\$[0-9]+",
      "[0-9][0-9A-Za-z_.]*",
      "[A-Za-z_\\u0080-\\uffff][A-Za-z_0-9$\\u0080-\\uffff]*",
      "[^-/'\"$0-9A-Za-z_\\u0080-\\uffff]+",
      "[\\s\\S]",
    ].join("|"),
    "gy",
  );
}

const patterns = { on: tokenPattern(true), off: tokenPattern(false) };

export function redactLiterals(query: string, options: { standardConformingStrings?: boolean } = {}): string | null {
  if (NESTED_COMMENT.test(query)) return null;
  const pattern = patterns[options.standardConformingStrings === false ? "off" : "on"];
  pattern.lastIndex = 0;
  let out = "";
  for (let match = pattern.exec(query); match; match = pattern.exec(query)) {
    out += redactToken(match[0]);
  }
  return out;
}

function redactToken(token: string): string {
  if (token.startsWith("--") || token.startsWith("/*")) return " ";
  if (/^(?:[Ee]?'|\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$|[0-9])/.test(token)) return "?";
  return token;
}
