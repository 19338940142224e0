// The contested-claims board: claims another source contradicts, grouped by place, one column
// per side, each card saying what contradicts it and linking to its evidence.

import { claimCard, claimSpeaker, el, fill, getJSON, placeHref, query, showError } from "./common.js";
import { DateRange } from "./daterange.js";
import { readState, writeState } from "./urlstate.js";

const form = document.getElementById("filters");
const board = document.getElementById("board");
const status = document.getElementById("board-status");
const PAGE_SIZE = Math.min(Math.max(Number.parseInt(query("limit"), 10) || 500, 1), 5000); // ?limit= in the URL
// The form, the dates and the page are in the URL, so a shared link shows the same claims.
const URL_DEFAULTS = { place: "", source: "", side: "", status: "", all: "", since: "", until: "", offset: "0" };
const chosen = readState(URL_DEFAULTS);
let offset = Math.max(Number.parseInt(chosen.offset, 10) || 0, 0);
let newestDay = "";
getJSON("/claims?limit=1")
  .then((page) => {
    newestDay = (page.claims[0] && (page.claims[0].day || page.claims[0].published)) || "";
  })
  .catch(() => {});
const dates = new DateRange(document.getElementById("date-range"), {
  newest: () => newestDay,
  onChange: () => {
    offset = 0;
    load();
  },
});
for (const name of ["place", "source", "side", "status"]) form.elements[name].value = chosen[name];
form.elements.all.checked = Boolean(chosen.all);
dates.set(chosen.since, chosen.until);
// pages of claims, so a board of thousands is read a page at a time, not cut off silently
const pager = el("nav", { class: "pager", "aria-label": "Pages of claims" });
const previous = el("button", { type: "button", id: "page-previous" }, "← Newer");
const next = el("button", { type: "button", id: "page-next" }, "Older →");
pager.append(previous, " ", next);
status.after(pager);
previous.addEventListener("click", () => {
  offset = Math.max(0, offset - PAGE_SIZE);
  load();
});
next.addEventListener("click", () => {
  offset += PAGE_SIZE;
  load();
});

function contradictionsOf(links, byId) {
  const against = new Map();
  for (const link of links) {
    for (const [mine, theirs] of [[link.a, link.b], [link.b, link.a]]) {
      if (!byId.has(mine)) continue;
      if (!against.has(mine)) against.set(mine, []);
      against.get(mine).push({ other: byId.get(theirs), id: theirs, evidence: link.evidence });
    }
  }
  return against;
}

function card(claim, against) {
  const node = claimCard(claim);
  const opposed = against.get(claim.id) || [];
  if (opposed.length) {
    node.append(
      el(
        "ul",
        { class: "against" },
        opposed.map(({ other, id, evidence }) =>
          el("li", { class: "muted" }, "contradicted by ", el("strong", {}, other ? `${claimSpeaker(other)}${other.side ? ` (${other.side})` : ""}` : id), evidence ? ` — ${evidence}` : ""),
        ),
      ),
    );
  }
  return node;
}

async function load() {
  const data = new FormData(form);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (!data.get("all")) params.set("contested", "true");
  const state = { all: data.get("all") ? "1" : "", offset: String(offset), ...dates.value };
  for (const name of ["place", "source", "side", "status"]) {
    const value = String(data.get(name) || "").trim();
    state[name] = value;
    if (value) params.set(name, value);
  }
  for (const name of ["since", "until"]) if (state[name]) params.set(name, state[name]);
  writeState(state, URL_DEFAULTS);
  status.textContent = "Loading…";
  let claims;
  let links;
  let page;
  try {
    page = await getJSON(`/claims?${params}`);
    claims = page.claims;
    links = (await getJSON("/links?relation=contradicts")).links;
  } catch (error) {
    showError(board, error);
    status.textContent = "";
    return;
  }
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const against = contradictionsOf(links, byId);
  const byPlace = new Map();
  for (const claim of claims) {
    const key = claim.place_id || "";
    if (!byPlace.has(key)) byPlace.set(key, { id: claim.place_id, name: claim.place_name || "No place", claims: [] });
    byPlace.get(key).claims.push(claim);
  }
  const places = [...byPlace.values()].sort((a, b) => b.claims.length - a.claims.length || a.name.localeCompare(b.name));
  const shown = claims.length ? `${offset + 1}–${offset + claims.length} of ${page.total}` : `0 of ${page.total}`;
  status.textContent = `Claims ${shown}, about ${places.length} places on this page`;
  status.dataset.total = String(page.total);
  previous.disabled = offset === 0;
  next.disabled = page.next_offset === null;
  fill(
    board,
    places.map((place) => {
      const sides = new Map();
      for (const claim of place.claims) {
        const side = claim.side || "unattributed";
        if (!sides.has(side)) sides.set(side, []);
        sides.get(side).push(claim);
      }
      return el(
        "section",
        { class: "board-place", dataset: { place: place.id || "" } },
        el("h2", {}, place.id ? el("a", { href: placeHref(place.id) }, place.name) : place.name),
        el(
          "div",
          { class: "columns" },
          [...sides.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([side, list]) => el("div", { class: "side-column" }, el("h3", {}, side), list.map((claim) => card(claim, against)))),
        ),
      );
    }),
  );
  if (!claims.length) fill(board, el("p", { class: "muted" }, "No claims match."));
  document.body.dataset.ready = "true";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  offset = 0;
  load();
});
load();
