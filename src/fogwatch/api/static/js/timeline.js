// A timeline of events per day (or per few days) as SVG bars, with a brush: drag to choose a date
// range, double-click to clear it; the mouse wheel (or `zoom`) narrows the period shown, with
// ticks at whole days, weeks, months or years to suit it. Plain SVG, no library.

import { svg } from "./common.js";

const DAY_MS = 86400000;
const HEIGHT = 96;
const MARGIN = { left: 8, right: 8, top: 8, bottom: 22 };
const MAX_BINS = 120;
const TICK_SPACING_PX = 80;
const MIN_VIEW_DAYS = 7;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
    this.view = null; // [first, last] day shown when zoomed in
    this.container.addEventListener("dblclick", () => this.clear(true));
    this.container.addEventListener("wheel", (event) => this.wheel(event), { passive: false });
    window.addEventListener("resize", () => this.draw());
  }

  // The whole period (fixed when the data is first loaded), then the days to count.
  setDomain(dates) {
    const days = dates.filter(Boolean).map(dayNumber);
    if (!days.length) return;
    this.first = Math.min(...days);
    this.last = Math.max(...days);
  }

  // Show a range chosen elsewhere (date inputs, the URL) without notifying.
  setRange(range) {
    this.range = range && range.since && range.until ? range : null;
    if (this.range) {
      this.container.dataset.since = this.range.since;
      this.container.dataset.until = this.range.until;
    } else {
      this.container.removeAttribute("data-since");
      this.container.removeAttribute("data-until");
    }
    this.draw();
  }

  // Show only the days from `since` to `until` (ISO dates); null shows the whole period.
  zoom(since, until) {
    if (this.first === null) return;
    if (!since || !until) this.view = null;
    else {
      const from = Math.max(dayNumber(since), this.first);
      const to = Math.min(dayNumber(until), this.last);
      this.view = to - from + 1 >= this.last - this.first + 1 ? null : [from, Math.max(to, from)];
    }
    this.container.dataset.zoomed = String(Boolean(this.view));
    this.draw();
  }

  wheel(event) {
    if (this.first === null) return;
    event.preventDefault();
    const [from, to] = this.shown;
    const left = this.container.querySelector("svg")?.getBoundingClientRect().left ?? 0;
    const pivot = this.dayAt(event.clientX - left);
    const factor = event.deltaY < 0 ? 0.7 : 1 / 0.7;
    const span = Math.max(Math.round((to - from + 1) * factor), MIN_VIEW_DAYS);
    const start = Math.round(pivot - ((pivot - from) / (to - from + 1)) * span);
    const first = Math.max(this.first, Math.min(start, this.last - span + 1));
    this.zoom(isoDay(first), isoDay(Math.min(first + span - 1, this.last)));
  }

  get shown() {
    return this.view || [this.first, this.last];
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
    const [from, to] = this.shown;
    const span = Math.max(to - from + 1, 1);
    const inner = this.width - MARGIN.left - MARGIN.right;
    return MARGIN.left + ((day - from) / span) * inner;
  }

  dayAt(x) {
    const [from, to] = this.shown;
    const span = Math.max(to - from + 1, 1);
    const inner = this.width - MARGIN.left - MARGIN.right;
    const day = from + Math.floor(((x - MARGIN.left) / inner) * span);
    return Math.min(Math.max(day, from), to);
  }

  // Tick days at whole days, weeks (Mondays), months, quarters or years, about TICK_SPACING_PX apart.
  ticks() {
    const [from, to] = this.shown;
    const perTick = ((to - from + 1) * TICK_SPACING_PX) / Math.max(this.width - MARGIN.left - MARGIN.right, 1);
    const found = [];
    if (perTick <= 7) {
      const step = perTick <= 1 ? 1 : perTick <= 2 ? 2 : 7;
      for (let day = from; day <= to; day += 1) {
        const monday = (day + 3) % 7 === 0; // day 0 (1970-01-01) was a Thursday
        if (step === 7 ? monday : (day - from) % step === 0) found.push([day, isoDay(day).slice(5)]);
      }
      return found;
    }
    const months = perTick <= 31 ? 1 : perTick <= 92 ? 3 : perTick <= 183 ? 6 : 12;
    const start = new Date(from * DAY_MS);
    let year = start.getUTCFullYear();
    let month = start.getUTCMonth();
    for (;;) {
      const day = Math.floor(Date.UTC(year, month, 1) / DAY_MS);
      if (day > to) break;
      if (day >= from && month % months === 0) found.push([day, month === 0 ? String(year) : `${MONTHS[month]}${months >= 12 ? "" : ` ${year}`}`]);
      month += 1;
      if (month === 12) {
        month = 0;
        year += 1;
      }
    }
    return found;
  }

  draw() {
    if (this.first === null) return;
    const width = this.width;
    const [from, to] = this.shown;
    const span = to - from + 1;
    const binDays = Math.max(1, Math.ceil(span / MAX_BINS));
    const bins = new Map();
    for (const [day, count] of this.counts) {
      if (day < from || day > to) continue;
      const bin = from + Math.floor((day - from) / binDays) * binDays;
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
      const x1 = this.xOf(Math.min(bin + binDays, to + 1));
      const h = (count / highest) * inner;
      const label = binDays === 1 ? isoDay(bin) : `${isoDay(bin)} – ${isoDay(Math.min(bin + binDays - 1, to))}`;
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
    for (const [day, label] of this.ticks()) {
      const x = this.xOf(day);
      chart.append(svg("line", { class: "axis", x1: x, x2: x, y1: baseline, y2: baseline + 4 }));
      chart.append(svg("text", { class: "tick", x, y: HEIGHT - 6, "text-anchor": x < 30 ? "start" : x > width - 30 ? "end" : "middle", "data-day": isoDay(day) }, label));
    }
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
