"""Convert one object of a TopoJSON topology (e.g. world-atlas countries-50m) to a GeoJSON file.

    python scripts/topojson_to_geojson.py countries-50m.json countries OUT.geojson [--digits 3]

Used at build time by scripts/vendor_web.sh for the web UI's offline basemap. Coordinates are
rounded to `--digits` decimals (3 ≈ 100 m, finer than a 1:50m map shows) and repeated points
that rounding creates are dropped, which keeps the file small.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any], digits: int) -> list[list[Point]]:
    """Every arc as absolute lon/lat points (arcs of a quantized topology are delta-encoded)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        points: list[Point] = []
        x = y = 0.0
        for position in arc:
            if transform:
                x += position[0]
                y += position[1]
                lon = x * transform["scale"][0] + transform["translate"][0]
                lat = y * transform["scale"][1] + transform["translate"][1]
            else:
                lon, lat = position[0], position[1]
            points.append((round(lon, digits), round(lat, digits)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[list[float]]:
    """A closed ring from arc indexes; a negative index ~i means arc i reversed."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        for point in arc[1:] if points else arc:
            if not points or points[-1] != point:
                points.append(point)
    if points and points[0] != points[-1]:
        points.append(points[0])
    return [list(point) for point in points]


def geometry(shape: dict[str, Any], arcs: list[list[Point]]) -> dict[str, Any] | None:
    kind = shape.get("type")
    if kind == "Polygon":
        rings = [ring(r, arcs) for r in shape["arcs"]]
        return {"type": "Polygon", "coordinates": [r for r in rings if len(r) >= 4]}
    if kind == "MultiPolygon":
        polygons = [[ring(r, arcs) for r in polygon] for polygon in shape["arcs"]]
        kept = [[r for r in polygon if len(r) >= 4] for polygon in polygons]
        return {"type": "MultiPolygon", "coordinates": [p for p in kept if p]}
    return None  # points and lines do not occur in world-atlas' polygon layers


def convert(topology: dict[str, Any], name: str, digits: int) -> dict[str, Any]:
    arcs = decode_arcs(topology, digits)
    features = []
    for shape in topology["objects"][name]["geometries"]:
        shaped = geometry(shape, arcs)
        if shaped is None or not shaped["coordinates"]:
            continue
        features.append(
            {
                "type": "Feature",
                "id": shape.get("id"),
                "properties": {"name": (shape.get("properties") or {}).get("name")},
                "geometry": shaped,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topology", type=Path)
    parser.add_argument("object", help="the object to convert, e.g. countries or land")
    parser.add_argument("out", type=Path)
    parser.add_argument("--digits", type=int, default=3)
    args = parser.parse_args()
    topology = json.loads(args.topology.read_text(encoding="utf-8"))
    collection = convert(topology, args.object, args.digits)
    args.out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(collection['features'])} features to {args.out}")


if __name__ == "__main__":
    main()
