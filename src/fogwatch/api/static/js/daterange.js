// Date inputs (from, until) with presets — the last 7 or 30 days of the data, or all of it —
// shared by the map, the dossier and the claims board. The presets count back from the newest
// date in the store (a live store's newest date is today; a historical one's is its last report).

import { el } from "./common.js";
import { isoDate } from "./urlstate.js";

const DAY_MS = 86400000;

export function daysBefore(isoDay, days) {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

export class DateRange {
  // onChange receives {since, until} (ISO dates or "") after the user changes the inputs or picks a preset.
  constructor(container, { newest, onChange }) {
    this.newest = newest;
    this.onChange = onChange;
    this.since = el("input", { type: "date", id: "date-since", name: "since", "aria-label": "From date" });
    this.until = el("input", { type: "date", id: "date-until", name: "until", "aria-label": "Until date" });
    const preset = (label, days, id) => {
      const button = el("button", { type: "button", class: "preset", id, dataset: { days: String(days) } }, label);
      button.addEventListener("click", () => this.pick(days));
      return button;
    };
    container.append(
      el(
        "div",
        { class: "date-range", role: "group", "aria-label": "Dates" },
        el("label", {}, "From ", this.since),
        el("label", {}, "until ", this.until),
        preset("Last 7 days", 7, "preset-7"),
        preset("Last 30 days", 30, "preset-30"),
        preset("All", 0, "preset-all"),
      ),
    );
    for (const input of [this.since, this.until]) input.addEventListener("change", () => this.changed());
  }

  pick(days) {
    const newest = this.newest();
    if (days && newest) {
      this.since.value = daysBefore(newest, days - 1);
      this.until.value = newest;
    } else {
      this.since.value = "";
      this.until.value = "";
    }
    this.changed();
  }

  // Show dates chosen elsewhere (the URL, the timeline's brush) without notifying.
  set(since, until) {
    this.since.value = isoDate(since);
    this.until.value = isoDate(until);
  }

  get value() {
    return { since: isoDate(this.since.value), until: isoDate(this.until.value) };
  }

  changed() {
    this.onChange(this.value);
  }
}

// Whether an ISO date is inside {since, until} (either may be empty: unbounded on that side).
export function inRange(date, range) {
  if (!range || (!range.since && !range.until)) return true;
  if (!date) return false;
  return (!range.since || date >= range.since) && (!range.until || date <= range.until);
}
