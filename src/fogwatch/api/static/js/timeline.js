// A timeline of events per day (or per few days) as SVG bars, with a brush: drag to choose a date
// range, double-click to clear it. Plain SVG, no library.

import { svg } from "./common.js";

const DAY_MS = 86400000;
const HEIGHT = 96;
const MARGIN = { left: 8, right: 8, top: 8, bottom: 22 };
const MAX_BINS = 120;

export function dayNumber(isoDate) {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export class Timeline {
  // onChange receives {since, until} (ISO dates, inclusive) or null when the brush is cleared.
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.first = null;
    this.last = null;
    this.range = null;
    this.counts = new Map();
    this.dragStart = null;
    this.container.addEventListener("dblclick", () => this.clear(true));
    window.addEventListener("resize", () => this.draw());
  }

  // The whole period (fixed when the data is first loaded), then the days to count.
  setDomain(dates) {
    const days = dates.filter(Boolean).map(dayNumber);
    if (!days.length) return;
    this.first = Math.min(...days);
    this.last = Math.max(...days);
  }

  setDates(dates) {
    this.counts = new Map();
    for (const date of dates) {
      if (!date) continue;
      const day = dayNumber(date);
      this.counts.set(day, (this.counts.get(day) || 0) + 1);
    }
    this.draw();
  }

  clear(notify) {
    this.range = null;
    this.container.removeAttribute("data-since");
    this.container.removeAttribute("data-until");
    this.draw();
    if (notify) this.onChange(null);
  }

  get width() {
    return Math.max(this.container.clientWidth, 200);
  }

  xOf(day) {
    const span = Math.max(this.last - this.first + 1, 1);
    const inner = this.width - MARGIN.left - MARGIN.right;
    return MARGIN.left + ((day - this.first) / span) * inner;
  }

  dayAt(x) {
    const span = Math.max(this.last - this.first + 1, 1);
    const inner = this.width - MARGIN.left - MARGIN.right;
    const day = this.first + Math.floor(((x - MARGIN.left) / inner) * span);
    return Math.min(Math.max(day, this.first), this.last);
  }

  draw() {
    if (this.first === null) return;
    const width = this.width;
    const span = this.last - this.first + 1;
    const binDays = Math.max(1, Math.ceil(span / MAX_BINS));
    const bins = new Map();
    for (const [day, count] of this.counts) {
      const bin = this.first + Math.floor((day - this.first) / binDays) * binDays;
      bins.set(bin, (bins.get(bin) || 0) + count);
    }
    const highest = Math.max(1, ...bins.values());
    const inner = HEIGHT - MARGIN.top - MARGIN.bottom;
    const chart = svg("svg", {
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      class: "timeline-chart",
      role: "img",
      "aria-label": "Events per day",
    });
    if (this.range) {
      const x0 = this.xOf(dayNumber(this.range.since));
      const x1 = this.xOf(dayNumber(this.range.until) + 1);
      chart.append(svg("rect", { class: "brush", x: x0, y: MARGIN.top, width: Math.max(x1 - x0, 2), height: inner }));
    }
    for (const [bin, count] of bins) {
      const x0 = this.xOf(bin);
      const x1 = this.xOf(Math.min(bin + binDays, this.last + 1));
      const h = (count / highest) * inner;
      const label = binDays === 1 ? isoDay(bin) : `${isoDay(bin)} – ${isoDay(Math.min(bin + binDays - 1, this.last))}`;
      chart.append(
        svg(
          "rect",
          { class: "bar", x: x0 + 0.5, y: MARGIN.top + inner - h, width: Math.max(x1 - x0 - 1, 1), height: h },
          svg("title", {}, `${label}: ${count} event${count === 1 ? "" : "s"}`),
        ),
      );
    }
    const baseline = MARGIN.top + inner;
    chart.append(svg("line", { class: "axis", x1: MARGIN.left, x2: width - MARGIN.right, y1: baseline, y2: baseline }));
    const ticks = [this.first, Math.round((this.first + this.last) / 2), this.last];
    ticks.forEach((day, index) => {
      const anchor = ["start", "middle", "end"][index];
      chart.append(svg("text", { class: "tick", x: index === 2 ? width - MARGIN.right : this.xOf(day), y: HEIGHT - 6, "text-anchor": anchor }, isoDay(day)));
    });
    chart.addEventListener("pointerdown", (event) => this.startDrag(event, chart));
    this.container.replaceChildren(chart);
  }

  startDrag(event, chart) {
    if (event.button !== 0) return;
    chart.setPointerCapture(event.pointerId);
    const left = chart.getBoundingClientRect().left;
    const start = this.dayAt(event.clientX - left);
    let moved = false;
    const move = (moveEvent) => {
      const day = this.dayAt(moveEvent.clientX - left);
      moved = moved || day !== start;
      this.range = { since: isoDay(Math.min(start, day)), until: isoDay(Math.max(start, day)) };
      this.drawBrushOnly(chart);
    };
    const end = () => {
      chart.removeEventListener("pointermove", move);
      chart.removeEventListener("pointerup", end);
      if (!moved) return;
      this.container.dataset.since = this.range.since;
      this.container.dataset.until = this.range.until;
      this.draw();
      this.onChange(this.range);
    };
    chart.addEventListener("pointermove", move);
    chart.addEventListener("pointerup", end);
  }

  drawBrushOnly(chart) {
    let brush = chart.querySelector(".brush");
    if (!brush) {
      brush = svg("rect", { class: "brush", y: MARGIN.top, height: HEIGHT - MARGIN.top - MARGIN.bottom });
      chart.prepend(brush);
    }
    const x0 = this.xOf(dayNumber(this.range.since));
    const x1 = this.xOf(dayNumber(this.range.until) + 1);
    brush.setAttribute("x", x0);
    brush.setAttribute("width", Math.max(x1 - x0, 2));
  }
}
