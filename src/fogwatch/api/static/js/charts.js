// Charts of events and fatalities over time, by event type and by side, as stacked bars in plain
// SVG, from `GET /stats/timeseries` (the same filters as the map, or one place in a dossier).

import { colourOf, el, fill, getJSON, svg } from "./common.js";

const SIDE_COLOURS = { RUS: "#c62828", UKR: "#1565c0", CIV: "#6a1b9a", unattributed: "#9e9e9e" };
const SPARE_COLOURS = ["#2e7d32", "#ef6c00", "#795548", "#00838f", "#ad1457", "#5d4037"];
const WIDTH = 520;
const HEIGHT = 180;
const MARGIN = { left: 40, right: 8, top: 8, bottom: 30 };
const TICK_LABEL_PX = 70;

function colourFor(by, key, index) {
  if (by === "type") return colourOf(key);
  if (by === "place") return `hsl(${(index * 47) % 360} 55% 45%)`; // places are many: spread the hues
  return SIDE_COLOURS[key] || SPARE_COLOURS[index % SPARE_COLOURS.length];
}

// Round axis steps: 1, 2 or 5 times a power of ten, about four of them.
function niceStep(highest) {
  const rough = Math.max(highest, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough);
}

function stackedBars(data, measure, title) {
  const periods = data.periods;
  const totals = periods.map((_, at) => data.series.reduce((sum, row) => sum + row[measure][at], 0));
  const step = niceStep(Math.max(0, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const inner = { w: WIDTH - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom };
  const band = inner.w / Math.max(periods.length, 1);
  const y = (value) => MARGIN.top + inner.h - (value / top) * inner.h;
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "chart",
    role: "img",
    "aria-label": title,
  });
  chart.dataset.total = String(totals.reduce((a, b) => a + b, 0));
  for (let value = 0; value <= top; value += step) {
    chart.append(svg("line", { class: "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value) }));
    chart.append(svg("text", { class: "tick", x: MARGIN.left - 4, y: y(value) + 4, "text-anchor": "end" }, String(value)));
  }
  const base = new Array(periods.length).fill(0);
  data.series.forEach((row, index) => {
    const colour = colourFor(data.by, row.key, index);
    row[measure].forEach((value, at) => {
      if (!value) return;
      const y0 = y(base[at]);
      base[at] += value;
      const y1 = y(base[at]);
      chart.append(
        svg(
          "rect",
          { class: "bar", x: MARGIN.left + at * band + 0.5, y: y1, width: Math.max(band - 1, 1), height: Math.max(y0 - y1, 0.5), fill: colour },
          svg("title", {}, `${periods[at]} · ${row.key}: ${value}`),
        ),
      );
    });
  });
  const every = Math.max(1, Math.ceil(TICK_LABEL_PX / band));
  periods.forEach((period, at) => {
    if (at % every) return;
    const label = data.interval === "month" ? period.slice(0, 7) : period;
    chart.append(svg("text", { class: "tick", x: MARGIN.left + at * band + band / 2, y: HEIGHT - 10, "text-anchor": "middle" }, label));
  });
  return el("figure", { class: "chart-figure" }, el("figcaption", {}, title), chart);
}

function legend(data) {
  return el(
    "ul",
    { class: "chart-legend" },
    data.series.map((row, index) => {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = colourFor(data.by, row.key, index);
      return el("li", {}, swatch, row.key);
    }),
  );
}

// The interval that gives a readable number of bars for the span of the filtered dates.
export function intervalFor(since, until) {
  if (!since || !until) return "week";
  const days = (Date.parse(until) - Date.parse(since)) / 86400000;
  if (days <= 45) return "day";
  if (days <= 400) return "week";
  return "month";
}

const GROUP_TITLES = { type: "By event type", side: "By side (of the actor who acted)", place: "By place" };

// Draw charts of events and fatalities for the filters in `params`, one pair per grouping in `groups`.
export async function drawCharts(container, params, groups = ["type", "side"]) {
  const wanted = new URLSearchParams(params);
  if (!wanted.get("interval")) wanted.set("interval", intervalFor(wanted.get("since"), wanted.get("until")));
  // only the newest request draws: filters changed quickly must not leave an older answer shown
  const asking = String(Number(container.dataset.asked || 0) + 1);
  container.dataset.asked = asking;
  container.dataset.loading = "true";
  const found = await Promise.all(
    groups.map((by) => {
      const asked = new URLSearchParams(wanted);
      asked.set("by", by);
      return getJSON(`/stats/timeseries?${asked}`);
    }),
  );
  if (container.dataset.asked !== asking) return;
  const first = found[0];
  if (!first.periods.length) {
    fill(container, el("p", { class: "muted" }, "No dated events for these filters."));
  } else {
    fill(
      container,
      el(
        "div",
        { class: "chart-grid" },
        found.map((data) =>
          el(
            "section",
            { dataset: { by: data.by } },
            el("h3", {}, GROUP_TITLES[data.by]),
            legend(data),
            stackedBars(data, "events", `Events per ${data.interval}, by ${data.by}`),
            stackedBars(data, "fatalities", `Fatalities per ${data.interval}, by ${data.by}`),
          ),
        ),
      ),
    );
  }
  container.dataset.events = String(first.totals.events);
  container.dataset.fatalities = String(first.totals.fatalities);
  delete container.dataset.loading;
}
