// Delivery retries: 10 s after the first failed attempt, then three times longer each time
// (30 s, 90 s, 270 s, …), at most 8 attempts in all (the 7 waits add up to about 3 hours);
// after the 8th the notification is `failed`.

export const MAX_ATTEMPTS = 8;

/** The wait after the `attempts`-th failed attempt; null when no attempt is left. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return 10_000 * 3 ** (attempts - 1);
}
