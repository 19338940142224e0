// The table view: the atomic events the map shows, sortable by any column (click its header),
// filtered by words in any cell, and downloadable as CSV of exactly the rows and columns shown.

import { articleHref, el, fill, placeHref } from "./common.js";

const COLUMNS = [
  { key: "date", label: "Date", value: (e) => e.date || "" },
  { key: "event_type", label: "Event type", value: (e) => e.event_type },
  { key: "sub_type", label: "Sub-type", value: (e) => e.sub_type },
  { key: "location", label: "Place", value: (e) => e.location || e.place_id || "" },
  { key: "admin1", label: "Region", value: (e) => e.admin1_name || e.admin1 || "" },
  { key: "actors", label: "Actors", value: (e) => e.actors.join("; ") },
  { key: "sides", label: "Sides", value: (e) => e.sides.join("; ") },
  { key: "fatalities", label: "Fatalities", value: (e) => e.fatalities_best ?? 0, numeric: true },
  { key: "modality", label: "Modality", value: (e) => e.modality || "" },
  { key: "sources", label: "Sources", value: (e) => e.sources.join("; ") },
  { key: "reports", label: "Reports", value: (e) => e.reports.length, numeric: true },
  { key: "evidence", label: "Evidence", value: (e) => (e.reports[0] && e.reports[0].notes) || "" },
  { key: "id", label: "Id", value: (e) => e.id },
];

// RFC 4180: quote every cell that needs it, double the quotes inside.
function csvCell(value) {
  const text = String(value ?? "");
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvOf(rows) {
  const lines = [COLUMNS.map((column) => csvCell(column.key)).join(",")];
  for (const row of rows) lines.push(COLUMNS.map((column) => csvCell(column.value(row))).join(","));
  return `${lines.join("\n")}\n`;
}

export class EventTable {
  // onChange({sort, filter}) is called when the user sorts or filters, to keep them in the URL.
  constructor(container, { sort = "date:desc", filter = "", onChange = () => {} } = {}) {
    const [key, direction] = sort.split(":");
    this.sortKey = COLUMNS.some((column) => column.key === key) ? key : "date";
    this.descending = direction !== "asc";
    this.onChange = onChange;
    this.events = [];
    this.rows = [];
    this.filter = el("input", { type: "search", id: "table-filter", value: filter, placeholder: "Filter rows…", "aria-label": "Filter table rows" });
    this.download = el("button", { type: "button", id: "table-csv" }, "Download CSV (rows shown)");
    this.status = el("p", { class: "status", id: "table-status", role: "status" });
    this.head = el("tr", {});
    this.body = el("tbody", { id: "table-body" });
    const table = el("table", { class: "events event-table", id: "event-table" }, el("thead", {}, this.head), this.body);
    fill(container, el("div", { class: "table-tools" }, this.filter, this.download, this.status), el("div", { class: "table-scroll" }, table));
    this.filter.addEventListener("input", () => {
      this.draw();
      this.changed();
    });
    this.download.addEventListener("click", () => this.saveCsv());
  }

  get sort() {
    return `${this.sortKey}:${this.descending ? "desc" : "asc"}`;
  }

  changed() {
    this.onChange({ sort: this.sort, filter: this.filter.value });
  }

  update(events) {
    this.events = events;
    this.draw();
  }

  visibleRows() {
    const words = this.filter.value.trim().toLocaleLowerCase();
    const kept = words
      ? this.events.filter((event) => COLUMNS.some((column) => String(column.value(event)).toLocaleLowerCase().includes(words)))
      : [...this.events];
    const column = COLUMNS.find((candidate) => candidate.key === this.sortKey);
    const sign = this.descending ? -1 : 1;
    kept.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = column.numeric ? x - y : String(x).localeCompare(String(y));
      return sign * order || a.id.localeCompare(b.id);
    });
    return kept;
  }

  draw() {
    this.head.replaceChildren(
      ...COLUMNS.map((column) => {
        const sorted = column.key === this.sortKey;
        const button = el("button", { type: "button", class: "sort", dataset: { key: column.key } }, column.label, sorted ? (this.descending ? " ▼" : " ▲") : "");
        button.addEventListener("click", () => {
          this.descending = sorted ? !this.descending : column.key === "date" || Boolean(column.numeric);
          this.sortKey = column.key;
          this.draw();
          this.changed();
        });
        return el("th", { "aria-sort": sorted ? (this.descending ? "descending" : "ascending") : "none", scope: "col" }, button);
      }),
    );
    this.rows = this.visibleRows();
    fill(
      this.body,
      this.rows.map((event) =>
        el(
          "tr",
          { dataset: { event: event.id } },
          COLUMNS.map((column) => {
            const value = column.value(event);
            if (column.key === "location" && event.place_id) return el("td", {}, el("a", { href: placeHref(event.place_id) }, value));
            if (column.key === "id" && event.reports[0]) {
              const report = event.reports[0];
              return el("td", {}, el("a", { href: articleHref(report.article_id, { event: report.event_id }), title: "the article" }, value));
            }
            return el("td", {}, value);
          }),
        ),
      ),
    );
    this.status.textContent = `${this.rows.length} of ${this.events.length} events`;
    this.status.dataset.count = String(this.rows.length);
  }

  saveCsv() {
    const blob = new Blob([csvOf(this.rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { download: "fogwatch-table.csv" });
    link.href = url; // a blob: URL of our own making (el() keeps only same-site and http(s) links)
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
