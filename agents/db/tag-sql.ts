// Every query the agent runs repeatedly ends with this comment, so it can leave its own
// statements out of the "top statements" it reports, and a DBA can tell them apart in
// pg_stat_statements and pg_stat_activity. At the end, because pg_stat_statements drops
// comments before a statement but keeps those after it.

export const AGENT_SQL_TAG = "/* sightline-db-agent */";

export function tagSql(sql: string): string {
  return `${sql} ${AGENT_SQL_TAG}`;
}
