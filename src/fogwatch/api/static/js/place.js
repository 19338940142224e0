// A place's dossier: what each side did and claimed there over time, the claims' status, and the
// pairs of claims that contradict each other, side by side.

import { articleHref, claimCard, claimDay, claimSpeaker, colourOf, el, fill, formatNumber, getJSON, placeHref, query, showError, svg } from "./common.js";
import { follow } from "./live.js";
import { dayNumber, isoDay } from "./timeline.js";
import { drawCharts } from "./charts.js";
import { DateRange, inRange } from "./daterange.js";
import { readState, writeState } from "./urlstate.js";

// The URL holds the place and the dates: a shared link opens the same dossier over the same days.
const URL_DEFAULTS = { id: "", since: "", until: "" };
const chosen = readState(URL_DEFAULTS);
let dossier = null;
let dates = null;

const STATUS_COLOURS = { claimed: "#90a4ae", confirmed: "#43a047", contested: "#f9a825", refuted: "#e53935" };
const LANE_HEIGHT = 34;
const LABEL_WIDTH = 90;

function sideOfEvent(event) {
  return event.side1 || (event.actor1 && event.actor1.side) || "unattributed";
}

function dateOfEvent(event) {
  return event.date || null;
}

function drawLanes(container, events, claims) {
  const items = [
    ...events.filter(dateOfEvent).map((event) => ({ kind: "event", side: sideOfEvent(event), day: dayNumber(dateOfEvent(event)), item: event })),
    ...claims.filter(claimDay).map((claim) => ({ kind: "claim", side: claim.side || "unattributed", day: dayNumber(claimDay(claim)), item: claim })),
  ];
  if (!items.length) {
    fill(container, el("p", { class: "muted" }, "Nothing dated here yet."));
    return;
  }
  const sides = [...new Set(items.map((entry) => entry.side))].sort((a, b) => (a === "unattributed") - (b === "unattributed") || a.localeCompare(b));
  const first = Math.min(...items.map((entry) => entry.day)) - 1;
  const last = Math.max(...items.map((entry) => entry.day)) + 1;
  const width = Math.max(container.clientWidth, 480);
  const height = sides.length * LANE_HEIGHT + 24;
  const x = (day) => LABEL_WIDTH + ((day - first) / Math.max(last - first, 1)) * (width - LABEL_WIDTH - 12);
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Events and claims by side over time" });
  sides.forEach((side, index) => {
    const y = index * LANE_HEIGHT;
    chart.append(svg("rect", { class: "lane", x: LABEL_WIDTH, y: y + 2, width: width - LABEL_WIDTH - 4, height: LANE_HEIGHT - 4 }));
    chart.append(svg("text", { class: "lane-label", x: 4, y: y + LANE_HEIGHT / 2 + 4 }, side));
  });
  const stacked = new Map();
  for (const entry of items) {
    const lane = sides.indexOf(entry.side);
    const slot = `${lane}:${entry.day}:${entry.kind}`;
    const offset = stacked.get(slot) || 0;
    stacked.set(slot, offset + 1);
    const cx = x(entry.day) + offset * 3;
    const cy = lane * LANE_HEIGHT + LANE_HEIGHT / 2 + (entry.kind === "event" ? -6 : 6);
    if (entry.kind === "event") {
      const event = entry.item;
      const link = svg("a", { href: articleHref(event.article_id, { event: event.id }) },
        svg("circle", { cx, cy, r: 5, fill: colourOf(event.event_type), stroke: "#222", "stroke-width": 0.8 },
          svg("title", {}, `${event.date} ${event.sub_type} (${event.modality}) — ${event.source || "unknown source"}`)));
      chart.append(link);
    } else {
      const claim = entry.item;
      const r = 5;
      const points = `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`;
      const link = svg("a", { href: articleHref(claim.article_id, { claim: claim.id }) },
        svg("polygon", { class: "claim-mark", points, fill: STATUS_COLOURS[claim.status] || "#bdbdbd" },
          svg("title", {}, `${claimDay(claim)} ${claimSpeaker(claim)} ${claim.cue || ""}: ${claim.content || ""} [${claim.status || "unrated"}]`)));
      chart.append(link);
    }
  }
  const axisY = sides.length * LANE_HEIGHT + 16;
  chart.append(svg("text", { class: "tick", x: LABEL_WIDTH, y: axisY }, isoDay(first + 1)));
  chart.append(svg("text", { class: "tick", x: width - 12, y: axisY, "text-anchor": "end" }, isoDay(last - 1)));
  fill(container, chart);
}

function drawContradictions(container, pairs) {
  if (!pairs.length) {
    fill(container, el("p", { class: "muted" }, "No contradicting claims about this place."));
    return;
  }
  fill(
    container,
    pairs.map((pair) =>
      el("div", { class: "pair" }, claimCard(pair.a), el("div", { class: "versus" }, el("strong", {}, "contradicts"), el("br"), pair.evidence || ""), claimCard(pair.b)),
    ),
  );
}

function drawClaims(container, claims) {
  if (!claims.length) {
    fill(container, el("p", { class: "muted" }, "No claims about this place."));
    return;
  }
  const bySide = new Map();
  for (const claim of claims) {
    const side = claim.side || "unattributed";
    if (!bySide.has(side)) bySide.set(side, []);
    bySide.get(side).push(claim);
  }
  fill(
    container,
    [...bySide.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([side, list]) =>
        el("section", { class: "side-column", dataset: { side } }, el("h3", {}, `${side} (${list.length})`),
          list.sort((a, b) => String(claimDay(a)).localeCompare(String(claimDay(b)))).map((claim) => claimCard(claim))),
      ),
  );
}

function drawEvents(body, events) {
  fill(
    body,
    events.map((event) =>
      el(
        "tr",
        { dataset: { event: event.id } },
        el("td", {}, event.date || "–"),
        el("td", {}, event.place_id ? el("a", { href: placeHref(event.place_id) }, event.location || event.place_id) : "–"),
        el("td", {}, event.sub_type),
        el("td", {}, [event.actor1, event.actor2].filter(Boolean).join(" vs ") || "–"),
        el("td", {}, formatNumber(event.fatalities_best)),
        el("td", {}, event.modality),
        el("td", {}, event.source || "–"),
        el("td", {}, el("a", { href: articleHref(event.article_id, { event: event.id }) }, "evidence")),
      ),
    ),
  );
}

async function main() {
  const id = query("id");
  const name = document.getElementById("place-name");
  if (!id) {
    name.textContent = "No place chosen";
    return;
  }
  try {
    dossier = await getJSON(`/places/${encodeURIComponent(id)}`);
  } catch (error) {
    name.textContent = "Place not found";
    showError(document.getElementById("place-meta"), error);
    return;
  }
  if (!dates) {
    dates = new DateRange(document.getElementById("date-range"), {
      newest: () => [...(dossier.events || []).map((e) => e.date), ...(dossier.claims || []).map(claimDay)].filter(Boolean).sort().pop() || "",
      onChange: (range) => {
        chosen.since = range.since;
        chosen.until = range.until;
        draw(id);
      },
    });
    dates.set(chosen.since, chosen.until);
  }
  draw(id);
}

// The dossier over the chosen dates: events and claims outside them are left out, pairs too.
function draw(id) {
  writeState(chosen, URL_DEFAULTS);
  const range = { since: chosen.since, until: chosen.until };
  const place = dossier.place || {};
  const events = (dossier.events || []).filter((event) => inRange(event.date, range));
  const claims = (dossier.claims || []).filter((claim) => inRange(claimDay(claim), range));
  const pairs = (dossier.contradictions || []).filter((pair) => inRange(claimDay(pair.a), range) || inRange(claimDay(pair.b), range));
  const name = document.getElementById("place-name");
  name.textContent = place.name || id;
  document.title = `fogwatch — ${place.name || id}`;
  const where = [place.feature, place.admin1, place.country].filter(Boolean).join(", ");
  const coords = place.lat !== null && place.lat !== undefined ? ` · ${place.lat.toFixed(3)}, ${place.lon.toFixed(3)}` : "";
  document.getElementById("place-meta").textContent = `${where}${coords} · ${place.id || id}`;
  const counts = document.getElementById("place-counts");
  counts.textContent = `${events.length} events · ${claims.length} claims · ${pairs.length} contradictions`;
  drawLanes(document.getElementById("lanes"), events, claims);
  drawContradictions(document.getElementById("contradictions"), pairs);
  drawClaims(document.getElementById("claims"), claims);
  drawEvents(document.getElementById("events"), events);
  const onMap = new URLSearchParams({ place: place.id || id });
  for (const name of ["since", "until"]) if (range[name]) onMap.set(name, range[name]);
  document.getElementById("place-on-map").setAttribute("href", `/?${onMap}`);
  const charted = new URLSearchParams({ within: place.id || id });
  if (range.since) charted.set("since", range.since);
  if (range.until) charted.set("until", range.until);
  const charts = document.getElementById("place-charts");
  const region = place.feature === "admin1" || place.feature === "admin2";
  drawCharts(charts, charted, region ? ["type", "side", "place"] : ["type", "side"]).catch((error) => showError(charts, error));
  document.body.dataset.ready = "true";
  document.body.dataset.placeId = place.id || id;
}

// new events and contradictions about this place redraw the dossier in place
main().then(() => follow({ accept: (change) => change.place_id === document.body.dataset.placeId, refresh: main }));
