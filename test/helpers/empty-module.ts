// Stands in for `server-only` outside Next.js: tests and CLIs may import server modules.
export {};
