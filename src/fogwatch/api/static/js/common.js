// Shared helpers for fogwatch's pages. Data from articles is only ever put in the page as text
// (textContent / createTextNode), never parsed as HTML: see el() below.

export const EVENT_TYPE_COLOURS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#2e7d32",
  "Riots": "#795548",
  "Strategic developments": "#1565c0",
};
export const OTHER_COLOUR = "#616161";

export const STATUS_LABELS = {
  claimed: "claimed",
  confirmed: "confirmed",
  contested: "contested",
  refuted: "refuted",
};

export function colourOf(eventType) {
  return EVENT_TYPE_COLOURS[eventType] || OTHER_COLOUR;
}

// Build an element: attributes are set with setAttribute (never event handlers), children are
// nodes or plain values turned into text nodes.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error(`event handler attribute ${name}: use addEventListener`);
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Replace a container's children with nodes and plain values (as text); arrays are flattened.
export function fill(container, ...children) {
  const nodes = children
    .flat(Infinity)
    .filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : document.createTextNode(String(child))));
  container.replaceChildren(...nodes);
  return container;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (name.startsWith("on")) throw new Error(`event handler attribute ${name}: use addEventListener`);
    node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Links built from data: same-site paths, or http(s) URLs; anything else (javascript:, data:) is dropped.
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  try {
    const url = new URL(text, window.location.origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

export async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch {
      // not JSON: keep the status text
    }
    const error = new Error(`${path}: ${response.status} ${detail}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

export function query(name) {
  return new URLSearchParams(window.location.search).get(name);
}

export function placeHref(placeId) {
  return `/place.html?id=${encodeURIComponent(placeId)}`;
}

export function articleHref(articleId, focus = {}) {
  const params = new URLSearchParams({ id: articleId });
  if (focus.event) params.set("event", focus.event);
  if (focus.claim) params.set("claim", focus.claim);
  return `/article.html?${params}`;
}

export function statusBadge(status) {
  const label = STATUS_LABELS[status] || status || "unrated";
  return el("span", { class: `badge status-${STATUS_LABELS[status] ? status : "other"}` }, label);
}

export function ratingBadge(claim) {
  if (!claim.reliability && !claim.credibility) return null;
  const rating = `${claim.reliability || "?"}${claim.credibility || "?"}`;
  return el(
    "span",
    { class: "badge rating", title: `source reliability ${claim.reliability || "?"}, credibility ${claim.credibility || "?"} (Admiralty scale)` },
    rating,
  );
}

export function showError(container, error) {
  fill(container, el("p", { class: "error", role: "alert" }, String(error.message || error)));
}

export function formatNumber(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en");
}

// Who makes a claim, as the text says it (or the registry names the speaker), and when.
export function claimSpeaker(claim) {
  return claim.source || claim.source_actor || "unnamed source";
}

export function claimDay(claim) {
  return claim.day || claim.published || null;
}

// A claim as a card: who, the cue, what is claimed, status and rating, and a link to the evidence.
export function claimCard(claim, extra = {}) {
  return el(
    "article",
    { class: `claim-card side-${sideClass(claim.side)}`, dataset: { claim: claim.id } },
    el(
      "header",
      {},
      el("strong", {}, claimSpeaker(claim)),
      claim.side ? el("span", { class: "side" }, ` (${claim.side})`) : null,
      " ",
      el("em", {}, claim.cue || ""),
    ),
    el("blockquote", {}, claim.content || ""),
    el(
      "footer",
      {},
      statusBadge(claim.status),
      " ",
      ratingBadge(claim),
      " ",
      el("span", { class: "date" }, claimDay(claim) || ""),
      claim.publisher ? ` · ${claim.publisher}` : "",
      " · ",
      el("a", { href: articleHref(claim.article_id, { claim: claim.id }) }, "evidence"),
      extra.placeLink && claim.place_id
        ? [" · ", el("a", { href: placeHref(claim.place_id) }, claim.place_name || claim.place_id)]
        : null,
    ),
    claim.reason ? el("p", { class: "reason" }, claim.reason) : null,
  );
}

export function sideClass(side) {
  return /^[A-Za-z0-9_-]+$/.test(side || "") ? side : "none";
}
