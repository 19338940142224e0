// Cut a text into segments at every span boundary, so overlapping spans (a place inside a claim's
// content) can all be marked: each segment lists the spans that cover it.

export function segments(length, spans) {
  const cuts = new Set([0, length]);
  for (const span of spans) {
    if (span.start < span.end && span.start >= 0 && span.end <= length) {
      cuts.add(span.start);
      cuts.add(span.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const starting = new Map();
  for (const span of spans) {
    if (!(span.start < span.end && span.start >= 0 && span.end <= length)) continue;
    if (!starting.has(span.start)) starting.set(span.start, []);
    starting.get(span.start).push(span);
  }
  const result = [];
  let active = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index];
    const end = points[index + 1];
    active = active.filter((span) => span.end > start).concat(starting.get(start) || []);
    result.push({ start, end, spans: active.slice() });
  }
  return result;
}
