// Grid clustering: items whose screen positions fall in the same square cell are drawn as one
// cluster marker; neighbouring cells whose clusters would overlap are then merged. Recomputed on
// every zoom; cheap for the thousands of events a store holds.

export function gridClusters(items, project, cellSize) {
  const cells = new Map();
  for (const item of items) {
    const point = project(item);
    const key = `${Math.floor(point.x / cellSize)}:${Math.floor(point.y / cellSize)}`;
    if (!cells.has(key)) cells.set(key, { members: [], x: 0, y: 0 });
    const cell = cells.get(key);
    cell.members.push(item);
    cell.x += point.x;
    cell.y += point.y;
  }
  const clusters = [...cells.values()];
  const centre = (cluster) => ({ x: cluster.x / cluster.members.length, y: cluster.y / cluster.members.length });
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < clusters.length && !merged; i += 1) {
      for (let j = i + 1; j < clusters.length && !merged; j += 1) {
        const a = centre(clusters[i]);
        const b = centre(clusters[j]);
        if (Math.hypot(a.x - b.x, a.y - b.y) < cellSize) {
          clusters[i].members.push(...clusters[j].members);
          clusters[i].x += clusters[j].x;
          clusters[i].y += clusters[j].y;
          clusters.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return clusters.map(({ members }) => ({
    members,
    lat: members.reduce((sum, item) => sum + item.lat, 0) / members.length,
    lon: members.reduce((sum, item) => sum + item.lon, 0) / members.length,
  }));
}
