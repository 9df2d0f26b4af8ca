// What a DB span is named after: semantic conventions name it `{db.operation.name}
// {db.collection.name}` ("UPDATE inventory") and fall back to the operation alone. Only the
// shop's own SQL passes through here, so a keyword scan is enough; a full parser would be
// overkill for statements we write ourselves.

export interface StatementSummary {
  operationName: string;
  collectionName?: string;
  spanName: string;
}

const TABLE_AFTER: Record<string, RegExp> = {
  SELECT: /\bFROM\s+([a-z_][a-z0-9_.]*)/i,
  INSERT: /^\s*INSERT\s+INTO\s+([a-z_][a-z0-9_.]*)/i,
  UPDATE: /^\s*UPDATE\s+([a-z_][a-z0-9_.]*)/i,
  DELETE: /^\s*DELETE\s+FROM\s+([a-z_][a-z0-9_.]*)/i,
};

export function describeStatement(sql: string): StatementSummary {
  const operationName = (/^\s*([a-z]+)/i.exec(sql)?.[1] ?? "QUERY").toUpperCase();
  const collectionName = TABLE_AFTER[operationName]?.exec(sql)?.[1]?.toLowerCase();
  return { operationName, collectionName, spanName: collectionName ? `${operationName} ${collectionName}` : operationName };
}
