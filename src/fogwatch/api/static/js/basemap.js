// Orientation on the offline basemap: admin-1 boundaries (Natural Earth) and major city labels
// (the gazetteer), fetched for the map's view from /basemap/* as the reader pans and zooms.
import * as L from "/static/vendor/leaflet/leaflet-src.esm.js";
import { getJSON } from "./common.js";

const ADMIN1_MIN_ZOOM = 4; // below this, the world's provinces would be a grey mesh
const GRID_DEGREES = 5; // views are widened to this grid, so panning reuses cached answers
const CITY_LIMIT = 150;
const LABEL_HEIGHT_PX = 14;
const LABEL_CHAR_PX = 6.5; // an 11px sans-serif letter, on average

// The smallest city labelled at a zoom: a few capitals on a continent, towns on a front.
function minPopulation(zoom) {
  if (zoom < 5) return 1_000_000;
  if (zoom < 6) return 500_000;
  if (zoom < 7) return 200_000;
  if (zoom < 8) return 100_000;
  if (zoom < 9) return 50_000;
  return 20_000;
}

// The view's bounds widened outward to the grid, as the API's bbox (west,south,east,north).
function gridBox(bounds) {
  const down = (value) => Math.floor(value / GRID_DEGREES) * GRID_DEGREES;
  const up = (value) => Math.ceil(value / GRID_DEGREES) * GRID_DEGREES;
  const west = Math.max(-180, down(bounds.getWest()));
  const east = Math.min(180, up(bounds.getEast()));
  const south = Math.max(-90, down(bounds.getSouth()));
  const north = Math.min(90, up(bounds.getNorth()));
  return `${west},${south},${east},${north}`;
}

function cityIcon(city) {
  const label = document.createElement("span");
  label.className = city.capital ? "fw-city fw-capital" : "fw-city";
  const dot = document.createElement("span");
  dot.className = "fw-city-dot";
  const name = document.createElement("span");
  name.className = "fw-city-name";
  name.textContent = city.name;
  label.append(dot, name);
  return L.divIcon({ html: label, className: "fw-city-icon", iconSize: null, iconAnchor: [3, 3] });
}

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export class Basemap {
  // Draws into its own panes: boundaries just above the country fill, labels below the events.
  constructor(map) {
    this.map = map;
    map.createPane("admin1").style.zIndex = 160;
    map.createPane("cities").style.zIndex = 350;
    this.divisions = L.geoJSON(null, {
      pane: "admin1",
      interactive: false,
      style: { className: "fw-admin1", color: "#9a948a", weight: 0.7, dashArray: "3 3", fill: false },
    });
    this.cities = L.layerGroup([], { pane: "cities" });
    this.drawn = new Set();
    this.asked = "";
    this.cities.addTo(map);
    map.attributionControl.addAttribution("Admin-1: Natural Earth; cities: GeoNames");
  }

  // Draws for the current view now and after every move; a failed fetch leaves the map as it is.
  start() {
    const draw = () => this.refresh().catch((error) => console.warn("fogwatch basemap:", error));
    this.map.on("moveend", draw);
    draw();
  }

  // The pixels a city's dot and name take at the current zoom (world coordinates: pan-proof).
  labelBox(lat, lon, name) {
    const point = this.map.project([lat, lon]);
    const width = 8 + name.length * LABEL_CHAR_PX;
    return { left: point.x - 3, right: point.x + width, top: point.y - LABEL_HEIGHT_PX / 2, bottom: point.y + LABEL_HEIGHT_PX / 2 };
  }

  async refresh() {
    const zoom = this.map.getZoom();
    const box = gridBox(this.map.getBounds());
    const population = minPopulation(zoom);
    const asking = `${box}|${population}|${zoom}`; // labels are laid out anew at each zoom
    if (asking === this.asked) return;
    this.asked = asking;
    const cities = getJSON(`/basemap/cities?bbox=${box}&min_population=${population}&limit=${CITY_LIMIT}`);
    if (zoom >= ADMIN1_MIN_ZOOM) {
      const divisions = await getJSON(`/basemap/admin1?bbox=${box}`);
      const fresh = divisions.features.filter((feature) => !this.drawn.has(feature.properties.id));
      fresh.forEach((feature) => this.drawn.add(feature.properties.id));
      this.divisions.addData({ type: "FeatureCollection", features: fresh });
      this.divisions.addTo(this.map);
    } else {
      this.divisions.remove();
    }
    const found = await cities;
    if (asking !== this.asked) return; // the reader moved on while it loaded
    this.cities.clearLayers();
    const placed = [];
    for (const feature of found.features) {
      // most populous first: a smaller city whose label would overlap a larger one's is left out
      const [lon, lat] = feature.geometry.coordinates;
      const box = this.labelBox(lat, lon, feature.properties.name);
      if (placed.some((other) => overlaps(box, other))) continue;
      placed.push(box);
      const icon = cityIcon(feature.properties);
      L.marker([lat, lon], { icon, pane: "cities", interactive: false, keyboard: false }).addTo(this.cities);
    }
    const element = this.map.getContainer();
    element.dataset.admin1 = String(this.drawn.size);
    element.dataset.cities = String(placed.length);
  }
}
