// The longest idle-in-transaction sessions of a window, found while reading its activity samples
// longest first (find-longest-idle-sessions.ts). A session is sampled again and again while it
// idles: each transaction (pid + start) counts once, at its longest, in the sample that saw it so.

/** One transaction at its longest within what has been read: the sample (time) that saw it so. */
export interface IdleEntry {
  time: string;
  pid: string | null;
  xactStart: string | null;
  idleMs: number;
}

export class IdleTransactionRanking {
  private longest = new Map<string, IdleEntry>();

  constructor(private readonly shown: number) {}

  add(entry: IdleEntry): void {
    const key = JSON.stringify([entry.pid, entry.xactStart]);
    const known = this.longest.get(key);
    if (!known || entry.idleMs > known.idleMs) this.longest.set(key, entry);
  }

  /**
   * What an entry must reach to enter the top (null while fewer than `shown` are known). It only
   * rises as entries are added, so what falls below it is forgotten: a transaction seen again
   * later comes back at its new idle time, which is its longest if it reaches the top at all.
   */
  threshold(): number | null {
    const top = this.top();
    this.longest = new Map(top.map((e) => [JSON.stringify([e.pid, e.xactStart]), e]));
    return top.length === this.shown ? top[top.length - 1]!.idleMs : null;
  }

  /**
   * Whether samples not read yet, none of which holds a session idle longer than `unreadAtMost`,
   * can still change the top: not once `shown` transactions are at least that long (a tie may
   * land either way, as it did when every session was sorted).
   */
  isSettled(unreadAtMost: number): boolean {
    const threshold = this.threshold();
    return threshold !== null && threshold >= unreadAtMost;
  }

  /** The `shown` longest transactions, longest first. */
  top(): IdleEntry[] {
    return [...this.longest.values()].sort((a, b) => b.idleMs - a.idleMs).slice(0, this.shown);
  }
}
