// The page's state in its URL: read once on load, written back (without a new history entry)
// whenever a filter, the dates or the view change, so a copied URL restores the same view.

export function readState(defaults) {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = params.get(name);
    state[name] = value === null ? fallback : value;
  }
  return state;
}

// Only values that differ from the defaults go in the URL; parameters the page does not manage are kept.
export function writeState(state, defaults) {
  const params = new URLSearchParams(window.location.search);
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = state[name];
    if (value === null || value === undefined || value === "" || value === fallback) params.delete(name);
    else params.set(name, String(value));
  }
  const query = params.toString();
  const target = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  if (target !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, "", target);
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isoDate(value) {
  return ISO_DAY.test(value || "") ? value : "";
}
