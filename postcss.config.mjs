/** Tailwind CSS 4 runs as a PostCSS plugin; app/globals.css holds the design tokens. */
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;
