// The map page: atomic events on an offline Natural Earth basemap, coloured by event type, sized
// by fatalities, grouped when dense; a brushable timeline, date inputs and filters; export links;
// the same events as a feed beside the map, as a table and as charts. All of it is in the URL.

import * as L from "/static/vendor/leaflet/leaflet-src.esm.js";
import { gridClusters } from "./cluster.js";
import { Basemap } from "./basemap.js";
import { ControlLayer } from "./control.js";
import {
  EVENT_TYPE_COLOURS,
  articleHref,
  colourOf,
  el,
  formatNumber,
  getJSON,
  placeHref,
  showError,
} from "./common.js";
import { Timeline } from "./timeline.js";
import { follow } from "./live.js";
import { drawCharts } from "./charts.js";
import { DateRange, inRange } from "./daterange.js";
import { Feed } from "./feed.js";
import { EventTable } from "./table.js";
import { readState, writeState } from "./urlstate.js";

const PAGE_SIZE = 5000;
const CLUSTER_CELL_PX = 48;
const TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

// What the URL holds (the defaults are left out of it): view, dates, filters, table order, map position.
const URL_DEFAULTS = { view: "map", since: "", until: "", side: "", hide: "", actor: "", modality: "", cred: "", q: "", place: "", sort: "date:desc", filter: "", at: "" };
const VIEWS = ["map", "table", "charts"];
const fromUrl = readState(URL_DEFAULTS);
// filters the server applies (the events are read again when they change)
const SERVER_FILTERS = { actor: "actor", modality: "modality", cred: "min_credibility", q: "search", place: "within" };

const state = {
  events: [],
  hiddenTypes: new Set(fromUrl.hide.split(",").filter(Boolean)),
  side: fromUrl.side,
  range: fromUrl.since || fromUrl.until ? { since: fromUrl.since, until: fromUrl.until } : null,
  cluster: true,
  view: VIEWS.includes(fromUrl.view) ? fromUrl.view : "map",
  server: { actor: fromUrl.actor, modality: fromUrl.modality, cred: fromUrl.cred, q: fromUrl.q, place: fromUrl.place },
  table: { sort: fromUrl.sort, filter: fromUrl.filter },
  at: fromUrl.at,
};

const map = L.map("map", { worldCopyJump: true, preferCanvas: false, zoomSnap: 0.5 });
map.attributionControl.setPrefix("Leaflet");
map.createPane("basemap").style.zIndex = 150; // below the optional tiles (200)
const markers = L.layerGroup().addTo(map);
const tiles = L.tileLayer(TILE_URL, {
  maxZoom: 18,
  attribution: "© OpenStreetMap contributors",
});
const controlLayer = new ControlLayer(map, document.getElementById("control-status"));
const timeline = new Timeline(document.getElementById("timeline"), (range) => {
  state.range = range;
  render();
});
const feed = new Feed(document.getElementById("feed"));
const table = new EventTable(document.getElementById("table-view"), {
  ...state.table,
  onChange: (chosen) => {
    state.table = chosen;
    saveState();
  },
});
const dates = new DateRange(document.getElementById("date-range"), {
  newest: () => state.events.reduce((newest, event) => (event.date && event.date > newest ? event.date : newest), ""),
  onChange: (range) => {
    state.range = range.since || range.until ? range : null;
    render();
  },
});

async function loadBasemap() {
  const countries = await getJSON("/static/vendor/world-atlas/countries-50m.geojson");
  L.geoJSON(countries, {
    pane: "basemap",
    interactive: false,
    style: { color: "#8d8d8d", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
  map.attributionControl.addAttribution("Natural Earth");
  new Basemap(map).start();
}

async function loadEvents() {
  const events = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const params = serverParams();
    params.set("group", "atomic");
    params.set("limit", String(PAGE_SIZE));
    params.set("offset", String(offset));
    const page = await getJSON(`/events?${params}`);
    events.push(...page.events);
    if (events.length >= page.total || !page.events.length) break;
  }
  return events.filter((event) => event.lat !== null && event.lon !== null);
}

// The filters the server applies, as /events parameters.
function serverParams() {
  const params = new URLSearchParams();
  for (const [name, param] of Object.entries(SERVER_FILTERS)) {
    if (state.server[name]) params.set(param, state.server[name]);
  }
  return params;
}

function visibleEvents() {
  return state.events.filter((event) => {
    if (state.hiddenTypes.has(event.event_type)) return false;
    if (state.side && !event.sides.includes(state.side)) return false;
    return inRange(event.date, state.range);
  });
}

// The brush and the date inputs show the same range; an open end is the data's first or last day.
function showRange() {
  const range = state.range || { since: "", until: "" };
  dates.set(range.since, range.until);
  const known = state.events.map((event) => event.date).filter(Boolean).sort();
  const bounded = state.range ? { since: range.since || known[0], until: range.until || known[known.length - 1] } : null;
  timeline.setRange(bounded && bounded.since && bounded.until ? bounded : null);
}

function saveState() {
  writeState(
    {
      view: state.view,
      since: state.range ? state.range.since : "",
      until: state.range ? state.range.until : "",
      side: state.side,
      hide: [...state.hiddenTypes].sort().join(","),
      ...state.server,
      ...state.table,
      at: state.at,
    },
    URL_DEFAULTS,
  );
}

// The filters of what the map shows, as parameters for the exports and the charts.
function shownParams() {
  const params = serverParams();
  if (state.range && state.range.since) params.set("since", state.range.since);
  if (state.range && state.range.until) params.set("until", state.range.until);
  if (state.side) params.set("side", state.side);
  // only the ticked types when some are hidden
  if (state.hiddenTypes.size) params.set("sub_type", shownTypes().join(",") || "no type shown"); // matches no type
  return params;
}

function showView() {
  for (const view of VIEWS) {
    document.getElementById(`${view}-view`).hidden = view !== state.view;
    const tab = document.getElementById(`view-${view}`);
    tab.setAttribute("aria-selected", String(view === state.view));
  }
  document.body.dataset.view = state.view;
  if (state.view === "map") map.invalidateSize();
}

function drawShownCharts() {
  if (state.view !== "charts") return;
  const container = document.getElementById("charts-view");
  drawCharts(container, shownParams()).catch((error) => showError(container, error));
}

function radiusOf(event) {
  return Math.min(5 + 2.5 * Math.sqrt(event.fatalities_best || 0), 24);
}

function eventSummary(event) {
  return el(
    "div",
    { class: "event-summary" },
    el("h3", {}, el("span", { class: "swatch", "aria-hidden": "true" }), event.sub_type),
    el(
      "p",
      {},
      el("time", {}, event.date || "undated"),
      " · ",
      el("a", { href: placeHref(event.place_id), class: "place-link" }, event.location || event.place_id),
      ` · fatalities ${formatNumber(event.fatalities_best)}`,
    ),
    event.actors.length ? el("p", { class: "actors" }, event.actors.join(" vs ")) : null,
    el(
      "ul",
      { class: "reports" },
      event.reports.map((report) =>
        el(
          "li",
          {},
          el("strong", {}, report.source || "unknown source"),
          report.published ? ` (${report.published})` : "",
          report.notes ? el("q", {}, report.notes) : null,
          " ",
          el("a", { href: articleHref(report.article_id, { event: report.event_id }) }, "evidence"),
        ),
      ),
    ),
  );
}

function colourSwatches(node, event) {
  for (const swatch of node.querySelectorAll(".swatch")) swatch.style.background = colourOf(event.event_type);
  return node;
}

function eventMarker(event) {
  const marker = L.circleMarker([event.lat, event.lon], {
    radius: radiusOf(event),
    color: "#222",
    weight: 1,
    fillColor: colourOf(event.event_type),
    fillOpacity: 0.8,
    className: "fw-event",
  });
  marker.bindPopup(() => colourSwatches(eventSummary(event), event), { maxWidth: 360 });
  marker.on("add", () => {
    const element = marker.getElement();
    element.dataset.event = event.id;
    element.dataset.place = event.place_id;
  });
  return marker;
}

function clusterMarker(cluster) {
  const count = cluster.members.length;
  const size = Math.round(Math.min(22 + 6 * Math.log2(count), 56));
  const label = el("span", { dataset: { count: String(count) } }, String(count));
  const marker = L.marker([cluster.lat, cluster.lon], {
    icon: L.divIcon({ html: label, className: "fw-cluster", iconSize: [size, size] }),
    title: `${count} events`,
    keyboard: true,
  });
  marker.on("click", () => {
    const bounds = L.latLngBounds(cluster.members.map((event) => [event.lat, event.lon]));
    const canZoom = map.getZoom() < map.getMaxZoom() && bounds.getNorthEast().distanceTo(bounds.getSouthWest()) > 50;
    if (canZoom) {
      map.fitBounds(bounds.pad(0.3), { maxZoom: Math.max(map.getZoom() + 2, 9) });
      return;
    }
    const list = el("div", { class: "cluster-list" }, cluster.members.map((event) => colourSwatches(eventSummary(event), event)));
    marker.bindPopup(list, { maxWidth: 380, maxHeight: 320 }).openPopup();
  });
  return marker;
}

function render() {
  const shown = visibleEvents();
  markers.clearLayers();
  if (state.cluster) {
    const project = (event) => map.latLngToLayerPoint([event.lat, event.lon]);
    for (const cluster of gridClusters(shown, project, CLUSTER_CELL_PX)) {
      markers.addLayer(cluster.members.length === 1 ? eventMarker(cluster.members[0]) : clusterMarker(cluster));
    }
  } else {
    for (const event of shown) markers.addLayer(eventMarker(event));
  }
  const status = document.getElementById("map-status");
  const range = state.range ? ` from ${state.range.since || "the start"} to ${state.range.until || "the end"}` : "";
  status.textContent = `${shown.length} of ${state.events.length} events on the map${range}`;
  status.dataset.visible = String(shown.length);
  status.dataset.total = String(state.events.length);
  controlLayer.setDate(state.range && state.range.until ? state.range.until : null);
  timeline.setDates(state.events.filter((event) => !state.hiddenTypes.has(event.event_type) && (!state.side || event.sides.includes(state.side))).map((event) => event.date));
  showRange();
  updateExports();
  feed.update(shown);
  table.update(shown);
  drawShownCharts();
  saveState();
}

function updateExports() {
  const params = shownParams();
  params.set("group", "atomic");
  const acled = new URLSearchParams(params);
  acled.set("format", "acled");
  const geojson = new URLSearchParams(params);
  geojson.set("format", "geojson");
  document.getElementById("export-acled").setAttribute("href", `/events?${acled}`);
  document.getElementById("export-geojson").setAttribute("href", `/events?${geojson}`);
}

function shownTypes() {
  const types = new Set([...Object.keys(EVENT_TYPE_COLOURS), ...state.events.map((event) => event.event_type)]);
  return [...types].filter((type) => !state.hiddenTypes.has(type)).sort();
}

function buildLegend() {
  const counts = new Map();
  for (const event of state.events) counts.set(event.event_type, (counts.get(event.event_type) || 0) + 1);
  const types = [...new Set([...Object.keys(EVENT_TYPE_COLOURS), ...counts.keys()])];
  const legend = document.getElementById("legend");
  legend.replaceChildren(
    ...types.map((type) => {
      const box = el("input", { type: "checkbox", checked: !state.hiddenTypes.has(type), dataset: { type } });
      box.addEventListener("change", () => {
        if (box.checked) state.hiddenTypes.delete(type);
        else state.hiddenTypes.add(type);
        render();
      });
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = colourOf(type);
      return el("li", {}, el("label", {}, box, swatch, `${type} (${counts.get(type) || 0})`));
    }),
  );
}

function buildSideFilter() {
  const sides = [...new Set(state.events.flatMap((event) => event.sides))].sort();
  const select = document.getElementById("side-filter");
  select.append(...sides.map((side) => el("option", { value: side }, side)));
  if (state.side && !sides.includes(state.side)) select.append(el("option", { value: state.side }, state.side));
  select.value = state.side;
  select.addEventListener("change", () => {
    state.side = select.value;
    render();
  });
}

function buildPlaces() {
  const byPlace = new Map();
  for (const event of state.events) {
    const entry = byPlace.get(event.place_id) || { id: event.place_id, name: event.location, count: 0 };
    entry.count += 1;
    byPlace.set(event.place_id, entry);
  }
  const top = [...byPlace.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, 30);
  document.getElementById("places").replaceChildren(
    ...top.map((place) => el("li", {}, el("a", { href: placeHref(place.id), class: "place-link" }, place.name), ` ${place.count}`)),
  );
}

// Where most events are: a few far-off ones (a namesake abroad) should not zoom the map out to the world.
function mainBounds(events) {
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const centre = L.latLng(median(events.map((e) => e.lat)), median(events.map((e) => e.lon)));
  const near = events.filter((event) => centre.distanceTo([event.lat, event.lon]) < 1500000);
  const chosen = near.length >= 0.8 * events.length ? near : events;
  return L.latLngBounds(chosen.map((event) => [event.lat, event.lon]));
}

function wireToggles() {
  const cluster = document.getElementById("cluster-toggle");
  cluster.addEventListener("change", () => {
    state.cluster = cluster.checked;
    render();
  });
  const control = document.getElementById("control-toggle");
  control.addEventListener("change", () => controlLayer.toggle(control.checked));
  controlLayer.toggle(control.checked);
  const online = document.getElementById("tiles-toggle");
  online.addEventListener("change", () => {
    if (online.checked) tiles.addTo(map);
    else tiles.remove();
  });
}

// Actor, modality, credibility and words: the server filters; a change reads the events again.
function wireServerFilters() {
  const inputs = { actor: "actor-filter", modality: "modality-filter", cred: "credibility-filter", q: "words-filter", place: "place-filter" };
  for (const [name, id] of Object.entries(inputs)) {
    const input = document.getElementById(id);
    input.value = state.server[name];
    input.addEventListener("change", async () => {
      state.server[name] = input.value.trim();
      await refreshEvents().catch((error) => showError(document.getElementById("map-status"), error));
    });
  }
}

function wireViews() {
  for (const view of VIEWS) {
    document.getElementById(`view-${view}`).addEventListener("click", () => {
      state.view = view;
      showView();
      drawShownCharts();
      saveState();
    });
  }
  document.getElementById("zoom-to-range").addEventListener("click", () => timeline.zoom(state.range && state.range.since, state.range && state.range.until));
  document.getElementById("zoom-all").addEventListener("click", () => timeline.zoom(null, null));
  showView();
}

// The map's centre and zoom, in the URL as "lat,lon,zoom".
function restorePosition() {
  const [lat, lon, zoom] = state.at.split(",").map(Number);
  if (![lat, lon, zoom].every(Number.isFinite)) return false;
  map.setView([lat, lon], zoom);
  return true;
}

async function main() {
  map.setView([48.5, 35], 5);
  wireToggles();
  wireServerFilters();
  wireViews();
  try {
    await loadBasemap();
    state.events = await loadEvents();
  } catch (error) {
    showError(document.getElementById("map-status"), error);
    return;
  }
  buildLegend();
  buildSideFilter();
  buildPlaces();
  timeline.setDomain(state.events.map((event) => event.date));
  if (!restorePosition() && state.events.length) map.fitBounds(mainBounds(state.events).pad(0.15), { maxZoom: 9 });
  map.on("zoomend", () => state.cluster && render());
  map.on("moveend", () => {
    const centre = map.getCenter();
    state.at = `${centre.lat.toFixed(4)},${centre.lng.toFixed(4)},${map.getZoom()}`;
    saveState();
  });
  render();
  document.body.dataset.ready = "true";
  follow({ refresh: refreshEvents });
}

// New events pushed by the server: read the events again and redraw, keeping filters and view.
async function refreshEvents() {
  state.events = await loadEvents();
  render();
}

main();
