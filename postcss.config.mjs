// Mantine's PostCSS setup: mixins and rem() from postcss-preset-mantine, and the breakpoint
// variables (same values as Mantine's default theme) for `@media (min-width: $mantine-breakpoint-sm)`.
const config = {
  plugins: {
    "postcss-preset-mantine": {},
    "postcss-simple-vars": {
      variables: {
        "mantine-breakpoint-xs": "36em",
        "mantine-breakpoint-sm": "48em",
        "mantine-breakpoint-md": "62em",
        "mantine-breakpoint-lg": "75em",
        "mantine-breakpoint-xl": "88em",
      },
    },
  },
};

export default config;
