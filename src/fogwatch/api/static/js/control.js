// The control layer: each settlement with territorial claims, coloured by its claimed controller,
// hatched when contested, as of the timeline's last day; its popup says who claims what.

import * as L from "/static/vendor/leaflet/leaflet-src.esm.js";
import { articleHref, el, getJSON, placeHref, showError, sideClass } from "./common.js";

const SIZE_PX = 16;
function statusText(properties) {
  const since = properties.since ? ` since ${properties.since}` : "";
  if (properties.status === "controlled") return `held by ${properties.controller}${since} (confirmed)`;
  if (properties.status === "claimed") return `claimed by ${properties.controller}${since}, unconfirmed`;
  return properties.controller ? `contested: ${properties.controller} claims it${since}` : "contested: no side claims to hold it";
}
const EFFECT_TEXT = { holds: "holds", denies: "does not hold", fights: "fighting in" };

function entryItem(entry) {
  const who = entry.speaker || "unnamed source";
  const says = entry.effect === "fights" ? `reports ${entry.side ? entry.side + " " : ""}fighting` : `${entry.side} ${EFFECT_TEXT[entry.effect]}`;
  const focus = entry.claim_id ? { claim: entry.claim_id } : { event: entry.event_id };
  return el(
    "li",
    { class: `control-entry side-${sideClass(entry.speaker_side)}`, dataset: { effect: entry.effect, side: entry.side || "" } },
    el("time", {}, entry.date),
    " ",
    el("strong", {}, who),
    entry.speaker_side ? ` (${entry.speaker_side})` : "",
    `: ${says}`,
    entry.publisher ? ` — ${entry.publisher}` : "",
    entry.status ? ` [${entry.status}]` : "",
    entry.quote ? el("q", {}, entry.quote) : null,
    " ",
    el("a", { href: articleHref(entry.article_id, focus) }, entry.claim_id ? "claim" : "event"),
  );
}

function settlementSummary(properties) {
  return el(
    "div",
    { class: "control-summary", dataset: { place: properties.place_id, status: properties.status } },
    el("h3", {}, el("a", { href: placeHref(properties.place_id), class: "place-link" }, properties.name)),
    el("p", { class: "control-status" }, statusText(properties)),
    el("p", { class: "reason" }, properties.reason),
    el("p", { class: "hint" }, `claims from ${properties.first_claim} to ${properties.last_claim}`),
    el("ul", { class: "control-entries" }, properties.claims.map(entryItem)),
  );
}

function settlementMarker(feature) {
  const properties = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const classes = ["fw-control", `control-${properties.status}`, `controller-${sideClass(properties.controller)}`];
  const marker = L.marker([lat, lon], {
    icon: L.divIcon({ className: classes.join(" "), iconSize: [SIZE_PX, SIZE_PX] }),
    title: `${properties.name}: ${properties.controller || "no side"}, ${properties.status}`,
    keyboard: true,
    zIndexOffset: 500,
  });
  marker.bindPopup(() => settlementSummary(properties), { maxWidth: 380, maxHeight: 320 });
  marker.on("add", () => {
    const element = marker.getElement();
    element.dataset.place = properties.place_id;
    element.dataset.status = properties.status;
    element.dataset.controller = properties.controller || "";
  });
  return marker;
}

export class ControlLayer {
  constructor(map, status) {
    this.layer = L.layerGroup();
    this.map = map;
    this.status = status;
    this.date = undefined;
    this.shown = false;
    this.request = 0;
  }

  // Show or hide the layer; shown, it follows `setDate`.
  toggle(shown) {
    this.shown = shown;
    if (shown) {
      this.layer.addTo(this.map);
      this.load();
    } else {
      this.layer.remove();
    }
  }

  // The day the control map is drawn for (YYYY-MM-DD, or null for everything stored).
  setDate(date) {
    if (date === this.date) return;
    this.date = date;
    if (this.shown) this.load();
  }

  async load() {
    const request = ++this.request;
    const params = new URLSearchParams();
    if (this.date) params.set("date", this.date);
    try {
      const collection = await getJSON(`/control?${params}`);
      if (request !== this.request) return; // a newer date was asked for meanwhile
      this.layer.clearLayers();
      for (const feature of collection.features) this.layer.addLayer(settlementMarker(feature));
      const contested = collection.features.filter((feature) => feature.properties.status === "contested").length;
      this.status.textContent = `${collection.features.length} settlements with claims of control${this.date ? ` as of ${this.date}` : ""}, ${contested} contested`;
      this.status.dataset.settlements = String(collection.features.length);
      this.status.dataset.date = this.date || "";
    } catch (error) {
      showError(this.status, error);
    }
  }
}
