// The article page: the clean text with every extracted span highlighted by kind, and the events
// and claims found in it, each able to point at its evidence in the text.

import { claimSpeaker, el, fill, getJSON, placeHref, query, ratingBadge, safeHref, showError, statusBadge } from "./common.js";
import { segments } from "./highlight.js";

const KINDS = [
  ["place", "Places"],
  ["actor", "Actors"],
  ["date", "Dates"],
  ["quantity", "Quantities"],
  ["cue", "Claim cues"],
  ["content", "Claim contents"],
];
const SHOWN = new Set(KINDS.map(([kind]) => kind));

// Claims as the /claims rows: from the store's judged rows when it has them, else from the article JSON.
function claimRows(doc, rows) {
  if (rows) return rows;
  return (doc.claims || []).map((c) => ({
    id: c.id,
    article_id: doc.article.id,
    source: c.source ? c.source.text : null,
    side: c.source && c.source.actor ? c.source.actor.side : null,
    cue: c.cue ? c.cue.text : "",
    cue_class: c.cue ? c.cue.class : "",
    content: c.content ? c.content.text : "",
    stance: c.stance,
    direct: c.direct,
    source_span: c.source ? c.source.span : null,
    cue_span: c.cue ? c.cue.span : null,
    content_span: c.content ? c.content.span : null,
  }));
}

function spansOf(doc, claims) {
  const spans = [];
  const add = (item, kind, index, label) => {
    if (item && Array.isArray(item.span)) spans.push({ start: item.span[0], end: item.span[1], kind, key: `${kind}:${index}`, label });
  };
  (doc.places || []).forEach((m, i) => add(m, "place", i, `place: ${m.place ? m.place.name : "not in the gazetteer"}`));
  (doc.actors || []).forEach((m, i) => add(m, "actor", i, `actor: ${m.actor ? m.actor.name : ""}`));
  (doc.dates || []).forEach((m, i) => add(m, "date", i, `${m.kind}: ${m.value || [m.start, m.end].filter(Boolean).join("…")}`));
  (doc.quantities || []).forEach((m, i) => add(m, "quantity", i, `quantity: ${m.best} ${m.unit}`));
  claims.forEach((c, i) => {
    add({ span: c.source_span }, "source", i, `claim source: ${c.source || ""}`);
    add({ span: c.cue_span }, "cue", i, `claim cue: ${c.cue || ""} (${c.cue_class || ""})`);
    add({ span: c.content_span }, "content", i, `claim content${c.status ? ` [${c.status}]` : ""}`);
  });
  (doc.events || []).forEach((event, i) => {
    for (const [start, end] of event.evidence || []) spans.push({ start, end, kind: "evidence", key: `evidence:${i}`, label: `evidence: ${event.sub_type}` });
  });
  return spans;
}

function renderText(container, text, spans) {
  const parts = segments(text.length, spans).map((segment) => {
    const piece = text.slice(segment.start, segment.end);
    if (!segment.spans.length) return document.createTextNode(piece);
    const kinds = [...new Set(segment.spans.map((span) => span.kind))];
    const mark = el(
      "mark",
      {
        class: kinds.map((kind) => `hl-${kind}`).join(" "),
        title: [...new Set(segment.spans.filter((span) => SHOWN.has(span.kind)).map((span) => span.label))].join("\n") || null,
        dataset: { spans: segment.spans.map((span) => span.key).join(" "), start: String(segment.start), end: String(segment.end) },
      },
      piece,
    );
    return mark;
  });
  container.replaceChildren(...parts);
}

function renderKinds(container, text, spans) {
  const keys = [...new Set(spans.map((span) => span.key))];
  container.replaceChildren(
    ...KINDS.map(([kind, label]) => {
      const box = el("input", { type: "checkbox", checked: true, dataset: { kind } });
      box.addEventListener("change", () => text.classList.toggle(`show-${kind}`, box.checked));
      const count = keys.filter((key) => key.startsWith(`${kind}:`)).length;
      return el("li", {}, el("label", {}, box, " ", el("span", { class: `sample hl-${kind}` }, label), ` ${count}`));
    }),
  );
}

function focus(text, keys) {
  for (const mark of text.querySelectorAll("mark.focus")) mark.classList.remove("focus");
  const wanted = new Set(keys);
  const marks = [...text.querySelectorAll("mark")].filter((mark) => mark.dataset.spans.split(" ").some((key) => wanted.has(key)));
  for (const mark of marks) mark.classList.add("focus");
  if (marks.length) marks[0].scrollIntoView({ block: "center" });
  return marks.length;
}

function eventItem(event, index, text) {
  const button = el("button", { type: "button" }, "Show evidence");
  button.addEventListener("click", () => focus(text, [`evidence:${index}`]));
  const actors = [event.actor1, event.actor2].filter(Boolean).map((actor) => actor.name || actor.id);
  return el(
    "li",
    { id: `event-${event.id}`, dataset: { event: event.id } },
    el("strong", {}, event.sub_type),
    ` · ${event.date || "undated"} · `,
    event.place ? el("span", {}, event.place.name) : "no place",
    el("br"),
    el("span", { class: "muted" }, `${event.modality}; fatalities ${event.fatalities ? event.fatalities.best : 0}${actors.length ? `; ${actors.join(" vs ")}` : ""}`),
    el("br"),
    button,
  );
}

// A link in words, naming the other claim: "contradicts Government of Russia (RUS): “the report” — RUS denies …".
function linkLine(link, claim, byId) {
  const otherId = link.a === claim.id ? link.b : link.a;
  const other = byId.get(otherId);
  const content = other && other.content ? other.content : "";
  const excerpt = content.length > 90 ? `${content.slice(0, 90)}…` : content;
  const who = other
    ? [el("strong", {}, claimSpeaker(other)), other.side ? ` (${other.side})` : "", excerpt ? `: “${excerpt}”` : ""]
    : `claim ${otherId} of another article`;
  return el("li", { class: "muted" }, `${link.relation} `, who, link.evidence ? ` — ${link.evidence}` : "");
}

function claimItem(claim, index, text, links, byId) {
  const button = el("button", { type: "button" }, "Show evidence");
  button.addEventListener("click", () => focus(text, [`source:${index}`, `cue:${index}`, `content:${index}`]));
  const related = links.filter((link) => link.a === claim.id || link.b === claim.id);
  return el(
    "li",
    { id: `claim-${claim.id}`, dataset: { claim: claim.id } },
    el("strong", {}, claimSpeaker(claim)),
    claim.side ? ` (${claim.side})` : "",
    " ",
    el("em", {}, claim.cue || ""),
    el("blockquote", {}, claim.content || ""),
    claim.status ? [statusBadge(claim.status), " ", ratingBadge(claim), " "] : null,
    el("span", { class: "muted" }, `${claim.stance || ""}${claim.direct ? ", direct quote" : ""}`),
    claim.place_id ? [" · ", el("a", { href: placeHref(claim.place_id) }, claim.place_name || claim.place_id)] : null,
    related.length
      ? el("ul", {}, related.map((link) => linkLine(link, claim, byId)))
      : null,
    el("br"),
    button,
  );
}

async function main() {
  const id = query("id");
  const title = document.getElementById("title");
  const text = document.getElementById("text");
  if (!id) {
    showError(text, new Error("no article id in the address (…/article.html?id=…)"));
    return;
  }
  let doc;
  try {
    doc = await getJSON(`/articles/${encodeURIComponent(id)}`);
  } catch (error) {
    title.textContent = "Article not found";
    showError(text, error);
    return;
  }
  let rows = null;
  try {
    rows = (await getJSON(`/claims?article=${encodeURIComponent(doc.article.id)}&limit=5000`)).claims;
  } catch {
    // an older server without /claims: the article's own claims, without status badges
  }
  const claims = claimRows(doc, rows);
  const article = doc.article;
  title.textContent = article.title || `Article ${article.id}`;
  document.title = `fogwatch — ${article.title || article.id}`;
  const meta = document.getElementById("meta");
  fill(
    meta,
    el("span", {}, article.source || "unknown source"),
    ` · ${article.published} · id ${article.id}`,
    article.url ? [" · ", el("a", { href: safeHref(article.url), rel: "noopener noreferrer nofollow" }, "original")] : null,
  );
  const spans = spansOf(doc, claims);
  renderText(text, article.text, spans);
  renderKinds(document.getElementById("kinds"), text, spans);
  const events = doc.events || [];
  document.getElementById("events").replaceChildren(...events.map((event, i) => eventItem(event, i, text)));
  if (!events.length) document.getElementById("events").append(el("li", { class: "muted" }, "No events."));
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  document.getElementById("claims").replaceChildren(...claims.map((claim, i) => claimItem(claim, i, text, doc.links || [], byId)));
  if (!claims.length) document.getElementById("claims").append(el("li", { class: "muted" }, "No claims."));
  const eventIndex = events.findIndex((event) => event.id === query("event"));
  const claimIndex = claims.findIndex((claim) => claim.id === query("claim"));
  if (eventIndex >= 0) focus(text, [`evidence:${eventIndex}`]);
  if (claimIndex >= 0) focus(text, [`source:${claimIndex}`, `cue:${claimIndex}`, `content:${claimIndex}`]);
  document.body.dataset.ready = "true";
}

main();
