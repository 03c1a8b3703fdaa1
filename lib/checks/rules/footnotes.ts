import { findMarkers, markerText } from '../footnote-markers';
import type { CheckSegment, Finding, SourceFootnote } from '../types';

/**
 * Footnote markers missing or extra: the labels of the source's references (kept as data beside
 * its text) against the markers written in the translation (raised digits, asterisks, daggers:
 * lib/checks/footnote-markers.ts), as multisets; when both have the same markers, their order.
 * Needs the source's references: without them (not loaded yet) nothing is said.
 */
export function checkFootnotes(segment: CheckSegment, footnotes: readonly SourceFootnote[] | null): Finding[] {
  if (footnotes === null) return [];
  const source = [...footnotes].sort((a, b) => a.offset - b.offset);
  const target = findMarkers(segment.target);
  if (source.length === 0 && target.length === 0) return [];
  const findings: Finding[] = [];
  const left = [...target];
  const missing: SourceFootnote[] = [];
  for (const reference of source) {
    const index = left.findIndex((marker) => marker.label === reference.label);
    if (index >= 0) left.splice(index, 1);
    else missing.push(reference);
  }
  for (const reference of missing) {
    findings.push({
      check: 'footnotes',
      severity: 'error',
      key: `missing:${reference.label}`,
      message: { key: 'footnotes.missing', values: { label: reference.label, marker: markerText(reference.label) } },
      sourceRange: { start: reference.offset, end: reference.offset },
    });
  }
  for (const marker of left) {
    findings.push({ check: 'footnotes', severity: 'error', key: `extra:${marker.label}`, message: { key: 'footnotes.extra', values: { marker: markerText(marker.label) } }, targetRange: { start: marker.start, end: marker.end } });
  }
  if (findings.length === 0 && source.map((reference) => reference.label).join('\u0000') !== target.map((marker) => marker.label).join('\u0000')) {
    findings.push({ check: 'footnotes', severity: 'warning', key: 'order', message: { key: 'footnotes.order', values: { markers: source.map((reference) => markerText(reference.label)).join(' ') } } });
  }
  return findings;
}
