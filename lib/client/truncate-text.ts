// Values from a URL or from telemetry can be thousands of characters long; where a value goes
// into running text (an aria-label, a button, a notice), it is cut here. Chips and table cells
// cut it with CSS instead and offer the whole value (components/ui/truncated-value.tsx).

export function truncateText(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, Math.max(0, max - 1))}…`;
}
