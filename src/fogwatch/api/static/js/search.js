// The search box in every page's header: places by any spelling, actors, outlets and words in
// the articles, from `GET /search`. Enter opens the first result; the list shows them all.

import { el, fill, getJSON, safeHref } from "./common.js";

const DEBOUNCE_MS = 200;

const GROUPS = [
  ["places", "Places", (place) => [place.name, place.admin1_name || place.admin1 ? ` · ${place.admin1_name || place.admin1}` : "", ` · ${place.country}`, ` (${place.mentions} mention${place.mentions === 1 ? "" : "s"})`]],
  ["actors", "Actors", (actor) => [actor.name, actor.side ? ` (${actor.side})` : "", ` · ${actor.events} events`]],
  ["sources", "Sources", (source) => [source.name, ` · ${source.articles} articles`]],
];

function resultsOf(body) {
  const found = [];
  for (const [key, title, label] of GROUPS) {
    const rows = body[key] || [];
    if (rows.length) found.push({ title, kind: key, items: rows.map((row) => ({ href: row.href, label: label(row) })) });
  }
  const text = body.text || {};
  if (text.articles) {
    found.push({
      title: "Words in the text",
      kind: "text",
      items: [{ href: text.href, label: [`“${body.query}”: ${text.events} events, ${text.claims} claims in ${text.articles} articles`] }],
    });
  }
  return found;
}

function mount(header) {
  const input = el("input", {
    type: "search",
    id: "site-search",
    name: "q",
    maxlength: 200,
    placeholder: "Search places, actors, sources, words…",
    autocomplete: "off",
    "aria-label": "Search places, actors, sources and words",
    "aria-controls": "search-results",
  });
  const list = el("div", { id: "search-results", class: "search-results", role: "listbox", hidden: true });
  const form = el("form", { class: "site-search", role: "search", action: "#" }, input, list);
  header.append(form);
  let pending = null;
  let latest = null;

  async function lookup() {
    const words = input.value.trim();
    if (!words) {
      list.hidden = true;
      latest = null;
      return null;
    }
    const asked = words;
    const body = await getJSON(`/search?q=${encodeURIComponent(words)}`);
    if (input.value.trim() !== asked) return latest; // a newer query is on its way
    latest = { words, groups: resultsOf(body) };
    show(latest);
    return latest;
  }

  function show(found) {
    list.hidden = false;
    if (!found.groups.length) {
      fill(list, el("p", { class: "muted search-empty" }, `Nothing found for “${found.words}”.`));
      return;
    }
    fill(
      list,
      found.groups.map((group) =>
        el(
          "section",
          { class: "search-group", dataset: { kind: group.kind } },
          el("h3", {}, group.title),
          el("ul", {}, group.items.map((item) => el("li", {}, el("a", { href: item.href, role: "option", class: "search-hit" }, item.label)))),
        ),
      ),
    );
    list.dataset.ready = "true";
  }

  input.addEventListener("input", () => {
    clearTimeout(pending);
    delete list.dataset.ready;
    pending = setTimeout(() => lookup().catch(() => {}), DEBOUNCE_MS);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearTimeout(pending);
    let found = latest;
    try {
      if (!found || found.words !== input.value.trim()) found = await lookup();
    } catch (error) {
      fill(list, el("p", { class: "error" }, String(error.message || error)));
      list.hidden = false;
      return;
    }
    const first = found && found.groups.length ? found.groups[0].items[0] : null;
    if (first) window.location.assign(safeHref(first.href));
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") list.hidden = true;
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      list.querySelector(".search-hit")?.focus();
    }
  });
  // arrow keys move between results; Escape goes back to the box
  list.addEventListener("keydown", (event) => {
    const hits = [...list.querySelectorAll(".search-hit")];
    const at = hits.indexOf(document.activeElement);
    if (event.key === "Escape") {
      list.hidden = true;
      input.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else hits[Math.min(next, hits.length - 1)].focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) list.hidden = true;
  });
}

const header = document.querySelector("header.site");
if (header) mount(header);
