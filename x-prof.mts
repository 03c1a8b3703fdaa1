import { benchGlossary } from './bench/glossary';
console.log(await benchGlossary({ terms: 100000, lookups: 500 }));
const prof = (globalThis as unknown as { prof: number[][] }).prof.filter((r) => r[0] === 1);
const pct = (k: number, p: number) => { const v = prof.map((r) => r[k]!).sort((a, b) => a - b); return v[Math.floor(v.length * p)]!.toFixed(1); };
console.log('stem p50/p95', pct(1, 0.5), pct(1, 0.95), 'cand p50/p95', pct(2, 0.5), pct(2, 0.95), 'rows p50/p95', pct(3, 0.5), pct(3, 0.95), 'match+details p50/p95', pct(4, 0.5), pct(4, 0.95));
process.exit(0);
