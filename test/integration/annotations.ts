/**
 * The examples explain themselves with comments: `// Correct: ...` above code the rules must leave
 * alone, `// Incorrect (rule-a, rule-b): ...` above code those rules must report. A marker covers the
 * lines from itself to the next marker (or the end of the file).
 */
export interface AnnotatedRegion {
  /** 1-based line of the marker comment. */
  start: number;
  /** Last line covered (inclusive). */
  end: number;
  kind: 'Correct' | 'Incorrect';
  /** Rule names (without the `shared-client/` prefix) an `Incorrect` marker names. */
  rules: string[];
}

const MARKER = /^\s*(?:\/\/|\{?\/\*)\s*(Correct|Incorrect)\b(?:\s*\(([^)]*)\))?\s*:/;

export function annotatedRegions(source: string): AnnotatedRegion[] {
  const lines = source.split('\n');
  const markers: Omit<AnnotatedRegion, 'end'>[] = [];
  lines.forEach((text, index) => {
    const match = MARKER.exec(text);
    if (!match) return;
    const rules = (match[2] ?? '')
      .split(',')
      .map((rule) => rule.trim())
      .filter(Boolean);
    markers.push({ start: index + 1, kind: match[1] as AnnotatedRegion['kind'], rules });
  });
  return markers.map((marker, index) => ({ ...marker, end: (markers[index + 1]?.start ?? lines.length + 1) - 1 }));
}

export function regionAt(regions: readonly AnnotatedRegion[], line: number): AnnotatedRegion | undefined {
  return regions.find((region) => region.start <= line && line <= region.end);
}
