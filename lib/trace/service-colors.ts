// One colour per service, derived from its name alone, so "payment" is the same colour in the
// search results, the waterfall and the service map, on every page load. Colours are chosen
// to be told apart on white and on Mantine's dark background; red is left out of the palette
// because red means "error" everywhere in the UI.

export const SERVICE_PALETTE = [
  "#228be6", // blue
  "#12b886", // teal
  "#7950f2", // violet
  "#fd7e14", // orange
  "#15aabf", // cyan
  "#be4bdb", // grape
  "#40c057", // green
  "#fab005", // yellow
  "#4c6ef5", // indigo
  "#e64980", // pink
  "#82c91e", // lime
  "#1098ad", // dark cyan
  "#f76707", // dark orange
  "#5c7cfa", // light indigo
  "#20c997", // light teal
  "#ae3ec9", // dark grape
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

export function serviceColor(service: string): string {
  return SERVICE_PALETTE[hashName(service) % SERVICE_PALETTE.length]!;
}
