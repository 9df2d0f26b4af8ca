// Query texts and their redacted form, shared by the unit test of redactLiterals (TypeScript)
// and the integration test of sightline_audit.redact_literals (SQL), so the twins cannot drift.

export const REDACTION_CASES: { query: string; redacted: string | null }[] = [
  { query: "UPDATE payments SET card_number = '4111111111111111' WHERE id = 42", redacted: "UPDATE payments SET card_number = ? WHERE id = ?" },
  { query: "SELECT * FROM t1 WHERE a = 'it''s 4111' AND b = E'x\\'y' AND c = 42.5e3 AND d = $1", redacted: "SELECT * FROM t1 WHERE a = ? AND b = ? AND c = ? AND d = $1" },
  { query: "INSERT INTO t (a) VALUES ($$dollar 'quoted'$$) RETURNING id", redacted: "INSERT INTO t (a) VALUES (?" },
  { query: "INSERT INTO t (a) VALUES ($tag$x$tag$)", redacted: "INSERT INTO t (a) VALUES (?" },
  { query: "UPDATE \"weird\"\"name\" SET x = 'a' WHERE y = 'unterminated 4111", redacted: "UPDATE \"weird\"\"name\" SET x = ? WHERE y = ?" },
  { query: "SELECT x'1F', B'01', U&'d\\0061t', café, naïve_col2 FROM t", redacted: "SELECT x?, B?, U&?, café, naïve_col2 FROM t" },
  { query: "SELECT 1\n-- card 4111\nFROM t WHERE a = '\n4111'", redacted: "SELECT ?\n \nFROM t WHERE a = ?" },
  { query: "UPDATE t SET v = 1 /*traceparent='00-5bd66ef5095369c7b0d1f8f4bd33716a-c532cb4098ac3dd2-01'*/", redacted: "UPDATE t SET v = ?  " },
  { query: "SELECT 1 /* a /* nested */ b */", redacted: null },
  { query: "SELECT t2.c3 FROM t2 WHERE t2.c3 > -5 AND t2.c4 = .5", redacted: "SELECT t2.c3 FROM t2 WHERE t2.c3 > -? AND t2.c4 = .?" },
  { query: "", redacted: "" },
];
