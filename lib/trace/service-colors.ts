// One colour per service, derived from its name, so "payment" is the same colour in the search
// results, the waterfall and the service map, on every page load. The palette's colours differ
// in hue or clearly in lightness (no two shades of one hue side by side), and are told apart on
// white and on Mantine's dark background; red is left out because red means "error" everywhere
// in the UI.
//
// A hash alone lets two names share a colour (payment and payment-provider once did), so a view
// that shows several services together asks assignServiceColors for the whole set: it keeps
// each name's own colour when it is free and moves the others to the next free one.

export const SERVICE_PALETTE = [
  "#1c7ed6", // blue
  "#f08c00", // orange
  "#0ca678", // teal
  "#7048e8", // violet
  "#e64980", // pink
  "#66a80f", // lime
  "#1098ad", // cyan
  "#ae3ec9", // grape
  "#fab005", // yellow
  "#364fc7", // dark indigo
  "#9c6644", // brown
  "#2b8a3e", // dark green
  "#74c0fc", // light blue
  "#b197fc", // lavender
  "#63e6be", // mint
  "#868e96", // grey
] as const;

/** FNV-1a over UTF-16 code units: stable across runs and engines, well spread for short names. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A service's own colour, from its name alone. */
export function serviceColor(service: string): string {
  return SERVICE_PALETTE[hashName(service) % SERVICE_PALETTE.length]!;
}

/**
 * Colours for services shown together, no two alike while there are fewer services than
 * colours. Names are taken in sorted order, so the result depends only on the set: each keeps
 * its own colour if no earlier name took it, else takes the next free one in the palette. Past
 * the palette's size, colours repeat (each name then keeps its own).
 */
export function assignServiceColors(services: Iterable<string>): Map<string, string> {
  const names = [...new Set(services)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const name of names) {
    const own = hashName(name) % SERVICE_PALETTE.length;
    let slot = own;
    if (taken.size < SERVICE_PALETTE.length) {
      while (taken.has(slot)) slot = (slot + 1) % SERVICE_PALETTE.length;
      taken.add(slot);
    }
    colors.set(name, SERVICE_PALETTE[slot]!);
  }
  return colors;
}
