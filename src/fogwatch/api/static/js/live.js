// Live updates: new events and contradictions pushed by the server (GET /live, Server-Sent
// Events). A page calls follow() with what concerns it and how to redraw; an "n new" marker in
// the header counts what arrived since the page was read, and the page redraws without a reload.
// EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed or repeated.

import { el } from "./common.js";

const REDRAW_DELAY_MS = 700; // a burst of changes is one redraw

export function follow({ accept = () => true, refresh }) {
  const marker = el("button", { type: "button", id: "live-new", class: "live-new", hidden: true, "aria-live": "polite" });
  (document.querySelector("header.site nav") || document.body).append(marker);
  const seen = new Set();
  let count = 0;
  let timer = null;
  marker.addEventListener("click", () => {
    count = 0;
    marker.hidden = true;
  });

  const arrived = (message) => {
    const change = JSON.parse(message.data);
    document.body.dataset.liveLast = message.lastEventId;
    const key = change.kind === "event" ? `event ${change.id}` : `contradiction ${change.a} ${change.b}`;
    if (seen.has(key) || !accept(change)) return;
    seen.add(key);
    count += 1;
    marker.textContent = `${count} new`;
    marker.title = "New events and contradictions since this page was read (click to dismiss)";
    marker.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => refresh(), REDRAW_DELAY_MS);
  };

  const stream = new EventSource("/live");
  stream.addEventListener("event", arrived);
  stream.addEventListener("contradiction", arrived);
  stream.addEventListener("open", () => {
    document.body.dataset.live = "open";
  });
  stream.addEventListener("error", () => {
    document.body.dataset.live = "reconnecting";
  });
  return stream;
}
