// The chronological feed beside the map: the atomic events the map shows, newest first, each
// with its date, sub-type, place, actors, a quote of its evidence, sources and modality.

import { articleHref, colourOf, el, fill, formatNumber, placeHref } from "./common.js";

const PAGE = 100;

function feedItem(event) {
  const report = event.reports[0] || {};
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.background = colourOf(event.event_type);
  return el(
    "li",
    { class: "feed-item", dataset: { event: event.id } },
    el(
      "header",
      {},
      el("time", {}, event.date || "undated"),
      " ",
      swatch,
      el("strong", {}, event.sub_type),
      " · ",
      el("a", { href: placeHref(event.place_id), class: "place-link" }, event.location || event.place_id),
    ),
    event.actors.length ? el("p", { class: "actors" }, event.actors.join(" vs ")) : null,
    report.notes ? el("blockquote", {}, report.notes) : null,
    el(
      "footer",
      {},
      el("span", { class: `badge modality-${event.modality}` }, event.modality || "–"),
      event.fatalities_best ? ` · ${formatNumber(event.fatalities_best)} killed` : "",
      ` · ${event.sources.join("; ")}`,
      " · ",
      el("a", { href: articleHref(report.article_id, { event: report.event_id }) }, "article"),
      event.reports.length > 1 ? ` (+${event.reports.length - 1} reports)` : "",
    ),
  );
}

export class Feed {
  constructor(container) {
    this.container = container;
    this.shown = PAGE;
    this.events = [];
    this.list = el("ol", { class: "feed-list", id: "feed-list" });
    this.count = el("p", { class: "status", id: "feed-status", role: "status" });
    this.more = el("button", { type: "button", id: "feed-more" }, "Show more");
    this.more.addEventListener("click", () => {
      this.shown += PAGE;
      this.draw();
    });
    fill(container, el("h2", {}, "Feed"), this.count, this.list, this.more);
  }

  // The events the map shows (already newest first).
  update(events) {
    this.events = events;
    this.shown = PAGE;
    this.draw();
  }

  draw() {
    const rows = this.events.slice(0, this.shown);
    fill(this.list, rows.map(feedItem));
    this.count.textContent = `${this.events.length} events, newest first`;
    this.count.dataset.count = String(this.events.length);
    this.more.hidden = rows.length >= this.events.length;
  }
}
