// The eventwire dashboard: map, timeline, dyads and event list over this server's API.
// Plain JS, no library. Every request is relative to this page (same origin); text from the
// store is only ever set with textContent or as text nodes, never as HTML.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const FILTERS = ["since", "until", "type", "country", "dyad", "place", "happened"];
  const SORTS = ["-date", "date", "-reports", "-confidence"];
  const PAGE_SIZE = 25;
  const DYAD_ROWS = 30;
  const WORLD = { x: -180, y: -90, w: 360, h: 180 };
  const MAX_ZOOM = 64;
  const COLOURS = {
    AGREE: "#2e7d32", CONSULT: "#1565c0", SUPPORT: "#0097a7", CONCEDE: "#9ccc65",
    COOPERATE: "#43a047", AID: "#4db6ac", RETREAT: "#afb42b", REQUEST: "#7986cb",
    ACCUSE: "#fbc02d", REJECT: "#fb8c00", THREATEN: "#e64a19", PROTEST: "#ab47bc",
    SANCTION: "#795548", MOBILIZE: "#ec407a", COERCE: "#880e4f", ASSAULT: "#d50000",
  };

  const state = { filters: {}, sort: "-date", offset: 0, event: null };
  const shown = { filters: null, list: null, event: null };
  const inflight = new Set();
  const articles = new Map();
  const countryNames = new Map();
  const view = Object.assign({}, WORLD);
  const tokens = { views: 0, list: 0, event: 0 };
  let closingForNavigation = false;
  let drawn = null;  // what the timeline last drew, to draw it again at a new width

  const $ = (selector) => document.querySelector(selector);

  // ---- building elements ----------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attributes);
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function svgEl(tag, attributes, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attributes);
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function setAttributes(node, attributes) {
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }

  function colour(type) {
    return COLOURS[type] || "#757575";
  }

  function swatch(type) {
    const mark = el("span", { class: "swatch", "aria-hidden": "true" });
    mark.style.background = colour(type);
    return mark;
  }

  // ---- the URL holds the state ----------------------------------------------------------

  function readUrl() {
    const params = new URLSearchParams(location.search);
    state.filters = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (name === "happened") {
        if (value === "true") state.filters.happened = true;
      } else if (value) {
        state.filters[name] = ["type", "country", "dyad"].includes(name) ? value.toUpperCase() : value;
      }
    }
    const sort = params.get("sort");
    state.sort = SORTS.includes(sort) ? sort : "-date";
    const offset = parseInt(params.get("offset") || "0", 10);
    state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
    state.event = params.get("event") || null;
  }

  function filterParams(filters) {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = filters[name];
      if (name === "happened") {
        if (value) params.set("happened", "true");
      } else if (value) {
        params.set(name, value);
      }
    }
    return params;
  }

  function hrefFor(next) {
    const params = filterParams(next.filters);
    if (next.sort && next.sort !== "-date") params.set("sort", next.sort);
    if (next.offset) params.set("offset", String(next.offset));
    if (next.event) params.set("event", next.event);
    const query = params.toString();
    return query ? "?" + query : location.pathname;
  }

  // A state with some filters changed: the list goes back to its first page, the event view shuts.
  function withFilters(changes) {
    const filters = Object.assign({}, state.filters, changes);
    return { filters: filters, sort: state.sort, offset: 0, event: null };
  }

  function withEvent(id) {
    return Object.assign({}, state, { event: id });
  }

  function go(next, replace) {
    history[replace ? "replaceState" : "pushState"](null, "", hrefFor(next));
    readUrl();
    update();
  }

  // ---- requests --------------------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const body = await response.json();
        detail = typeof body.detail === "string" ? body.detail
          : Array.isArray(body.detail) ? body.detail.map((item) => item.msg).join("; ") : detail;
      } catch (error) {
        // a body that is not JSON: the status text says enough
      }
      throw new Error(response.status + " " + detail);
    }
    return response.json();
  }

  function withQuery(path, query) {
    return query ? path + "?" + query : path;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function track(promise) {
    inflight.add(promise);
    document.body.dataset.ready = "0";
    promise.catch(showError).finally(() => {
      inflight.delete(promise);
      if (inflight.size === 0) document.body.dataset.ready = "1";
    });
    return promise;
  }

  function showError(error) {
    const box = $("#error");
    box.hidden = false;
    box.textContent = "Could not load: " + (error && error.message ? error.message : String(error));
  }

  // ---- updating the views ----------------------------------------------------------------

  function update() {
    $("#error").hidden = true;
    syncForm();
    const query = filterParams(state.filters).toString();
    const listKey = query + "|" + state.sort + "|" + state.offset;
    const work = [];
    if (query !== shown.filters) {
      shown.filters = query;
      work.push(refreshViews(query));
    }
    if (listKey !== shown.list) {
      shown.list = listKey;
      work.push(refreshList(query));
    }
    if (state.event !== shown.event) {
      shown.event = state.event;
      work.push(showEvent(state.event));
    }
    if (work.length) {
      track(Promise.all(work));
    } else if (inflight.size === 0) {
      document.body.dataset.ready = "1";
    }
  }

  async function refreshViews(query) {
    const token = ++tokens.views;
    const prefix = query ? query + "&" : "";
    const [stats, located] = await Promise.all([getJson(withQuery("stats", query)),
      getJson(withQuery("events.geojson", query))]);
    const types = state.filters.type ? [state.filters.type] : Object.keys(stats.by_type);
    const perType = state.filters.type ? [stats]
      : await Promise.all(types.map((type) => getJson("stats?" + prefix + "type=" + encodeURIComponent(type))));
    if (token !== tokens.views) return;
    const days = new Map(types.map((type, index) => [type, perType[index].by_day]));
    renderSummary(stats, located);
    renderLegend(stats.by_type);
    renderPoints(located.features);
    renderTimeline(days, stats.by_type);
    renderDyads(stats.dyads);
  }

  function renderSummary(stats, located) {
    const parts = [plural(stats.events, "event"), located.features.length + " on the map"];
    const active = FILTERS.filter((name) => state.filters[name]).map((name) =>
      name === "happened" ? "happened only" : name + " " + state.filters[name]);
    $("#summary").textContent = parts.join(" · ") + (active.length ? " — " + active.join(", ") : "");
  }

  function renderLegend(byType) {
    const items = Object.entries(byType).map(([type, count]) => el("li", {},
      el("a", { class: "nav", href: hrefFor(withFilters({ type: type })), title: "Only " + type },
        swatch(type), type + " " + count)));
    $("#legend").replaceChildren(...items);
  }

  // ---- the map ---------------------------------------------------------------------------

  async function loadBasemap() {
    const outlines = await getJson("basemap.json");
    const paths = [];
    for (const feature of outlines.features) {
      countryNames.set(feature.id, feature.properties.name);
      let d = "";
      for (const polygon of feature.geometry.coordinates) {
        for (const ring of polygon) {
          d += "M" + ring.map((point) => point[0] + " " + (-point[1])).join("L") + "Z";
        }
      }
      paths.push(svgEl("path", { d: d, "data-country": feature.id }, svgEl("title", {}, feature.properties.name)));
    }
    $("#map .countries").replaceChildren(...paths);
    markCountry();
  }

  function markCountry() {
    for (const path of document.querySelectorAll("#map .countries path")) {
      path.classList.toggle("selected", path.dataset.country === (state.filters.country || "").toUpperCase());
    }
  }

  function radius(reports) {
    return Math.min(4 + 3 * Math.sqrt(Math.max(reports, 1) - 1), 20);
  }

  function renderPoints(features) {
    const sorted = features.filter((feature) => feature.geometry && feature.geometry.type === "Point")
      .sort((a, b) => (b.properties.n_articles || 1) - (a.properties.n_articles || 1));
    const circles = sorted.map((feature) => {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      const reports = p.n_articles || 1;
      const label = [p.type, p.date || "undated", p.place_name || "unknown place"].join(" · ")
        + " (" + reports + (reports === 1 ? " report)" : " reports)");
      const circle = svgEl("circle", {
        cx: lon, cy: -lat, fill: colour(p.type), tabindex: 0, role: "button", "aria-label": label,
        "data-id": feature.id, "data-type": p.type, "data-reports": reports,
      }, svgEl("title", {}, label));
      return circle;
    });
    $("#map .points").replaceChildren(...circles);
    $("#map-note").textContent = sorted.length ? "" : "No located events match.";
    sizePoints();
    markCountry();
  }

  function sizePoints() {
    const svg = $("#map");
    const unit = view.w / (svg.clientWidth || 720);
    for (const circle of svg.querySelectorAll(".points circle")) {
      circle.setAttribute("r", (radius(Number(circle.dataset.reports)) * unit).toFixed(3));
    }
  }

  function setView(x, y, w) {
    view.w = Math.min(Math.max(w, WORLD.w / MAX_ZOOM), WORLD.w);
    view.h = view.w * WORLD.h / WORLD.w;
    view.x = Math.min(Math.max(x, WORLD.x), WORLD.x + WORLD.w - view.w);
    view.y = Math.min(Math.max(y, WORLD.y), WORLD.y + WORLD.h - view.h);
    $("#map").setAttribute("viewBox", [view.x, view.y, view.w, view.h].map((v) => v.toFixed(3)).join(" "));
    sizePoints();
  }

  function zoomAt(factor, cx, cy) {
    const w = Math.min(Math.max(view.w / factor, WORLD.w / MAX_ZOOM), WORLD.w);
    const scale = w / view.w;
    setView(cx - (cx - view.x) * scale, cy - (cy - view.y) * scale, w);
  }

  function mapPoint(event) {
    const svg = $("#map");
    const matrix = svg.getScreenCTM();
    if (!matrix) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  function setUpMap() {
    const svg = $("#map");
    let drag = null;
    let dragged = false;
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const at = mapPoint(event);
      zoomAt(event.deltaY < 0 ? 1.25 : 0.8, at.x, at.y);
    }, { passive: false });
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, from: Object.assign({}, view), moving: false };
      dragged = false;
    });
    svg.addEventListener("pointermove", (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moving && Math.hypot(dx, dy) > 4) {
        drag.moving = true;
        svg.setPointerCapture(event.pointerId);  // only once it is a drag: a click stays a click
        svg.classList.add("dragging");
      }
      if (drag.moving) {
        const unit = drag.from.w / (svg.clientWidth || 720);
        setView(drag.from.x - dx * unit, drag.from.y - dy * unit, drag.from.w);
      }
    });
    const stop = (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      dragged = drag.moving;
      if (drag.moving && svg.hasPointerCapture(event.pointerId)) svg.releasePointerCapture(event.pointerId);
      svg.classList.remove("dragging");
      drag = null;
    };
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    svg.addEventListener("click", (event) => {
      const circle = event.target.closest ? event.target.closest("circle") : null;
      if (dragged) {
        dragged = false;
        return;
      }
      if (circle) go(withEvent(circle.dataset.id));
    });
    svg.addEventListener("keydown", (event) => {
      const circle = event.target.closest ? event.target.closest("circle") : null;
      if (circle && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        go(withEvent(circle.dataset.id));
      }
    });
    for (const button of document.querySelectorAll("[data-zoom]")) {
      button.addEventListener("click", () => {
        const centre = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
        if (button.dataset.zoom === "reset") setView(WORLD.x, WORLD.y, WORLD.w);
        else zoomAt(button.dataset.zoom === "in" ? 2 : 0.5, centre.x, centre.y);
      });
    }
  }

  // ---- the timeline ----------------------------------------------------------------------

  // The bins from the first day to the last: days for up to three months, then months, then years.
  function bins(first, last) {
    const span = (Date.parse(last) - Date.parse(first)) / 86400000;
    const unit = span <= 92 ? "day" : span <= 3660 ? "month" : "year";
    const keys = [];
    if (unit === "day") {
      for (let t = Date.parse(first); t <= Date.parse(last); t += 86400000) keys.push(new Date(t).toISOString().slice(0, 10));
    } else if (unit === "month") {
      let [year, month] = first.split("-").map(Number);
      const [lastYear, lastMonth] = last.split("-").map(Number);
      while (year < lastYear || (year === lastYear && month <= lastMonth)) {
        keys.push(year + "-" + String(month).padStart(2, "0"));
        month += 1;
        if (month > 12) { month = 1; year += 1; }
      }
    } else {
      for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) keys.push(String(year));
    }
    return { unit: unit, keys: keys, key: (day) => day.slice(0, unit === "day" ? 10 : unit === "month" ? 7 : 4) };
  }

  function renderTimeline(days, byType) {
    drawn = { days: days, byType: byType };
    const svg = $("#timeline");
    const every = [];
    for (const counts of days.values()) every.push(...Object.keys(counts));
    every.sort();
    if (!every.length) {
      svg.replaceChildren();
      svg.setAttribute("viewBox", "0 0 10 1");
      $("#timeline-note").textContent = "No dated events match.";
      return;
    }
    const binning = bins(every[0], every[every.length - 1]);
    const counts = new Map(binning.keys.map((key) => [key, new Map()]));
    for (const [type, perDay] of days) {
      for (const [day, count] of Object.entries(perDay)) {
        const bin = counts.get(binning.key(day));
        if (bin) bin.set(type, (bin.get(type) || 0) + count);
      }
    }
    const order = Object.keys(byType).filter((type) => days.has(type));
    const totals = binning.keys.map((key) => [...counts.get(key).values()].reduce((a, b) => a + b, 0));
    const highest = Math.max(1, ...totals);
    const width = Math.max(svg.clientWidth || 0, 280);
    const height = 170;
    const margin = { left: 30, right: 6, top: 8, bottom: 22 };
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const step = plotWidth / binning.keys.length;
    const gap = step > 4 ? 1 : 0;
    const children = [
      svgEl("line", { class: "axis", x1: margin.left, x2: width - margin.right, y1: height - margin.bottom, y2: height - margin.bottom }),
      svgEl("text", { class: "tick", x: margin.left - 4, y: margin.top + 8, "text-anchor": "end" }, String(highest)),
      svgEl("text", { class: "tick", x: margin.left - 4, y: height - margin.bottom, "text-anchor": "end" }, "0"),
    ];
    binning.keys.forEach((key, index) => {
      let y = height - margin.bottom;
      const x = margin.left + index * step;
      for (const type of order) {
        const count = counts.get(key).get(type) || 0;
        if (!count) continue;
        const h = count / highest * plotHeight;
        y -= h;
        children.push(svgEl("rect", {
          class: "bar", x: (x + gap / 2).toFixed(2), y: y.toFixed(2), width: Math.max(step - gap, 0.5).toFixed(2),
          height: h.toFixed(2), fill: colour(type), "data-bin": key, "data-type": type, "data-count": count,
        }, svgEl("title", {}, key + " · " + type + ": " + count)));
      }
    });
    const labelled = binning.keys.length > 1 ? [0, Math.floor((binning.keys.length - 1) / 2), binning.keys.length - 1] : [0];
    for (const index of new Set(labelled)) {
      const anchor = index === 0 ? "start" : index === binning.keys.length - 1 ? "end" : "middle";
      const x = margin.left + (index + (anchor === "start" ? 0 : anchor === "end" ? 1 : 0.5)) * step;
      children.push(svgEl("text", { class: "tick", x: x.toFixed(2), y: height - 6, "text-anchor": anchor }, binning.keys[index]));
    }
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.replaceChildren(...children);
    $("#timeline-note").textContent = "Events per " + binning.unit + " by type (event date); click a bar to keep its " + binning.unit + ".";
  }

  function setUpTimeline() {
    $("#timeline").addEventListener("click", (event) => {
      const bar = event.target.closest ? event.target.closest("rect.bar") : null;
      if (bar) go(withFilters({ since: bar.dataset.bin, until: bar.dataset.bin }));
    });
    let waiting = null;
    let lastWidth = $("#timeline").clientWidth;
    window.addEventListener("resize", () => {
      clearTimeout(waiting);
      waiting = setTimeout(() => {
        sizePoints();
        if ($("#timeline").clientWidth !== lastWidth) {
          lastWidth = $("#timeline").clientWidth;
          if (drawn) renderTimeline(drawn.days, drawn.byType);
        }
      }, 200);
    });
  }

  // ---- dyads -----------------------------------------------------------------------------

  function countryLabel(code) {
    return el("abbr", { title: countryNames.get(code) || code }, code);
  }

  function renderDyads(dyads) {
    const entries = Object.entries(dyads);
    const rows = entries.slice(0, DYAD_ROWS).map(([dyad, figures]) => {
      const [source, target] = dyad.split("-");
      const mean = figures.goldstein_mean;
      const row = el("tr", { class: mean < 0 ? "conflict" : mean > 0 ? "cooperation" : "neutral", "data-dyad": dyad },
        el("td", {}, el("a", { class: "nav", href: hrefFor(withFilters({ dyad: dyad })), title: "Only " + source + " → " + target },
          countryLabel(source), " → ", countryLabel(target))),
        el("td", { class: "num" }, String(figures.events)),
        el("td", { class: "num" }, signed(figures.goldstein_sum)),
        el("td", { class: "num" }, signed(mean)));
      row.style.setProperty("--strength", Math.min(Math.abs(mean) / 10, 1).toFixed(2));
      return row;
    });
    $("#dyads tbody").replaceChildren(...rows);
    $("#dyads-note").textContent = !entries.length ? "No events with a source and a target country match."
      : (entries.length > DYAD_ROWS ? "The " + DYAD_ROWS + " busiest of " + entries.length + " dyads. " : "")
        + "Goldstein: conflict below 0 (red), cooperation above (green).";
  }

  function signed(value) {
    return (value > 0 ? "+" : "") + value.toFixed(1);
  }

  // ---- the event list --------------------------------------------------------------------

  function actorsText(countries, names) {
    const parts = (countries || []).map((country, index) => {
      const name = (names || [])[index];
      return country && name && name !== country ? country + " (" + name + ")" : country || name || "?";
    });
    return parts.length ? [...new Set(parts)].join(", ") : "—";
  }

  async function refreshList(query) {
    const token = ++tokens.list;
    const prefix = query ? query + "&" : "";
    const page = await getJson("events?" + prefix + "limit=" + PAGE_SIZE + "&offset=" + state.offset
      + "&sort=" + encodeURIComponent(state.sort));
    if (token !== tokens.list) return;
    const rows = page.items.map((item) => {
      const id = item.cluster_id || item.event_id;
      const link = el("a", { class: "nav", href: hrefFor(withEvent(id)) }, item.date || "undated");
      return el("tr", { "data-id": id, "data-type": item.type },
        el("td", {}, link),
        el("td", { class: "type" }, swatch(item.type), item.type + (item.mode ? " · " + item.mode : "")),
        el("td", {}, actorsText(item.source_countries, item.source_names) + " → "
          + actorsText(item.target_countries, item.target_names)),
        el("td", {}, item.place_name ? item.place_name + (item.place_country ? " (" + item.place_country + ")" : "") : "—"),
        el("td", { class: "num" }, String(item.n_articles || 1)),
        el("td", { class: "num" }, Number(item.confidence).toFixed(2)));
    });
    $("#events tbody").replaceChildren(...rows);
    const last = Math.min(page.offset + page.items.length, page.total);
    $("#page-note").textContent = page.total
      ? (page.items.length ? page.offset + 1 + "–" + last : "none here") + " of " + page.total
      : "No events match.";
    $("#previous").disabled = page.offset === 0;
    $("#next").disabled = page.offset + PAGE_SIZE >= page.total;
    $("#sort").value = state.sort;
  }

  function setUpList() {
    $("#events tbody").addEventListener("click", (event) => {
      const row = event.target.closest("tr");
      if (!row || event.target.closest("a")) return;  // a link goes by itself (the document's handler)
      go(withEvent(row.dataset.id));
    });
    $("#previous").addEventListener("click", () =>
      go(Object.assign({}, state, { offset: Math.max(state.offset - PAGE_SIZE, 0), event: null })));
    $("#next").addEventListener("click", () =>
      go(Object.assign({}, state, { offset: state.offset + PAGE_SIZE, event: null })));
    $("#sort").addEventListener("change", (event) =>
      go(Object.assign({}, state, { sort: event.target.value, offset: 0, event: null })));
  }

  // ---- the event view --------------------------------------------------------------------

  function filterLink(text, changes, title) {
    return el("a", { class: "nav", href: hrefFor(withFilters(changes)), title: title || null }, text);
  }

  function fact(term, ...details) {
    return [el("dt", {}, term), el("dd", {}, ...details)];
  }

  function actorLinks(countries, names) {
    const links = [];
    (countries || []).forEach((country, index) => {
      const name = (names || [])[index];
      if (links.length) links.push(", ");
      if (name && name !== country) links.push(name + " ");
      links.push(country ? filterLink(country, { country: country }, "Events of " + (countryNames.get(country) || country))
        : "(no country)");
    });
    return links.length ? links : ["—"];
  }

  function article(id) {
    if (!articles.has(id)) {
      const request = getJson("articles/" + encodeURIComponent(id));
      request.catch(() => articles.delete(id));
      articles.set(id, request);
    }
    return articles.get(id);
  }

  async function showEvent(id) {
    const dialog = $("#event-view");
    const token = ++tokens.event;
    if (!id) {
      if (dialog.open) {
        closingForNavigation = true;
        dialog.close();
      }
      return;
    }
    const body = $("#event-body");
    body.replaceChildren(el("p", { class: "note" }, "Loading…"));
    $("#event-title").textContent = "Event";
    if (!dialog.open) dialog.showModal();
    let cluster;
    try {
      cluster = await getJson("events/" + encodeURIComponent(id));
    } catch (error) {
      if (token === tokens.event) body.replaceChildren(el("p", { class: "error" }, "Could not load this event: " + error.message));
      return;
    }
    const byArticle = new Map();
    for (const mention of cluster.mentions_detail) {
      if (!byArticle.has(mention.article_id)) byArticle.set(mention.article_id, []);
      byArticle.get(mention.article_id).push(mention);
    }
    const texts = await Promise.all([...byArticle.keys()].map((articleId) => article(articleId).catch(() => null)));
    if (token !== tokens.event) return;
    $("#event-title").replaceChildren(swatch(cluster.type), cluster.type + (cluster.mode ? " · " + cluster.mode : ""));
    body.replaceChildren(eventFacts(cluster), el("h3", {}, cluster.n_articles === 1 ? "The report" : "The reports"),
      ...[...byArticle.entries()].map(([articleId, mentions], index) => report(mentions, texts[index])));
    for (const box of body.querySelectorAll(".article-text")) {
      const mark = box.querySelector("mark");
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    }
  }

  function eventFacts(cluster) {
    const facts = [];
    const date = cluster.date_start
      ? filterLink(cluster.date, { since: cluster.date_start, until: cluster.date_end || cluster.date_start }, "Events of this date")
      : "undated";
    facts.push(...fact("Date", date, cluster.date_precision ? " (" + cluster.date_precision + ")" : ""));
    const place = cluster.place_name
      ? [filterLink(cluster.place_name, { place: cluster.place_name }, "Events at " + cluster.place_name)]
      : ["—"];
    if (cluster.place_country) {
      place.push(", ", filterLink(cluster.place_country, { country: cluster.place_country },
        "Events of " + (countryNames.get(cluster.place_country) || cluster.place_country)));
    }
    if (cluster.place_precision) place.push(" (" + cluster.place_precision + ")");
    facts.push(...fact("Place", ...place));
    facts.push(...fact("Source", ...actorLinks(cluster.source_countries, cluster.source_names)));
    facts.push(...fact("Target", ...actorLinks(cluster.target_countries, cluster.target_names)));
    const dyads = [];
    for (const source of new Set((cluster.source_countries || []).filter(Boolean))) {
      for (const target of new Set((cluster.target_countries || []).filter(Boolean))) {
        if (/^[A-Z]{3}$/.test(source) && /^[A-Z]{3}$/.test(target)) {
          if (dyads.length) dyads.push(", ");
          dyads.push(filterLink(source + " → " + target, { dyad: source + "-" + target }, "Events of this dyad"));
        }
      }
    }
    if (dyads.length) facts.push(...fact("Dyad", ...dyads));
    facts.push(...fact("Modality", (cluster.modality || "—") + (cluster.happened ? " (took place)" : " (did not take place)")));
    facts.push(...fact("CAMEO", (cluster.cameo || "—") + (cluster.goldstein !== null && cluster.goldstein !== undefined
      ? " · Goldstein " + signed(cluster.goldstein) : "")));
    facts.push(...fact("Confidence", Number(cluster.confidence).toFixed(2)));
    facts.push(...fact("Reports", plural(cluster.n_articles, "article") + ", " + plural(cluster.n_sources, "outlet")
      + (cluster.first_report ? ", " + cluster.first_report + (cluster.last_report !== cluster.first_report
        ? " to " + cluster.last_report : "") : "")));
    return el("dl", { class: "facts" }, ...facts);
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function report(mentions, record) {
    const first = mentions[0];
    const link = first.article_url && safeUrl(first.article_url);
    const heading = el("h4", {}, link
      ? el("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, first.article_title || first.article_url)
      : first.article_title || first.article_source || first.article_id);
    const meta = el("p", { class: "note" }, [first.article_published || "no date", first.article_source]
      .filter(Boolean).join(" · ") + " · " + mentions.map((m) => m.type + " (" + m.modality + ")").join(", "));
    if (!record) {
      return el("article", { class: "report" }, heading, meta,
        ...mentions.map((m) => el("blockquote", { class: "evidence" }, m.sentence_text || "")));
    }
    return el("article", { class: "report" }, heading, meta, highlighted(record, mentions));
  }

  // The article's text with each mention's sentence, trigger (<mark>), actors and place picked out.
  function highlighted(record, mentions) {
    const text = record.text || "";
    const spans = [];
    const add = (evidence, kind, title) => {
      if (evidence && evidence.start >= 0 && evidence.end <= text.length && evidence.start < evidence.end) {
        spans.push({ start: evidence.start, end: evidence.end, kind: kind, title: title || null });
      }
    };
    for (const mention of mentions) {
      const evidence = mention.mentions && mention.mentions.length ? mention.mentions
        : [{ sentence: mention.sentence, start: mention.start, end: mention.end }];
      for (const item of evidence) {
        add((record.sentences || [])[item.sentence], "evidence");
        add(item, "trigger", mention.type + (mention.trigger ? ": " + mention.trigger : ""));
      }
      const coded = (record.events || [])[mention.index];
      if (coded) {
        for (const actor of coded.sources || []) add(actor.evidence, "actor", "source: " + (actor.country || "?") + " " + (actor.name || ""));
        for (const actor of coded.targets || []) add(actor.evidence, "actor", "target: " + (actor.country || "?") + " " + (actor.name || ""));
        if (coded.place) add(coded.place.evidence, "place", "place: " + (coded.place.name || ""));
      }
    }
    const cuts = new Set([0, text.length]);
    for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const box = el("div", { class: "article-text", tabindex: 0 });
    let mark = null;
    let marked = null;  // the trigger span the open <mark> holds: one <mark> a trigger, whatever lies inside it
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [start, end] = [points[i], points[i + 1]];
      const covering = spans.filter((span) => span.start <= start && span.end >= end);
      const trigger = covering.find((span) => span.kind === "trigger") || null;
      const inner = covering.filter((span) => span.kind === "actor" || span.kind === "place");
      const inSentence = covering.some((span) => span.kind === "evidence");
      const part = text.slice(start, end);
      const piece = inner.length
        ? el("span", { class: [...new Set(inner.map((span) => span.kind))].join(" "), title: inner[0].title }, part)
        : document.createTextNode(part);
      if (trigger) {
        if (trigger !== marked) {
          mark = el("mark", { class: inSentence ? "evidence" : null, title: trigger.title });
          marked = trigger;
          box.append(mark);
        }
        mark.append(piece);
        continue;
      }
      marked = null;
      box.append(inSentence ? el("span", { class: "evidence" }, piece) : piece);
    }
    return box;
  }

  function setUpEventView() {
    const dialog = $("#event-view");
    $("#close-event").addEventListener("click", () => dialog.close());
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
    });
    dialog.addEventListener("close", () => {
      if (closingForNavigation) {
        closingForNavigation = false;
        return;
      }
      if (state.event) go(withEvent(null));
    });
  }

  // ---- the filters -----------------------------------------------------------------------

  function syncForm() {
    const form = $("#filters");
    for (const name of FILTERS) {
      const field = form.elements[name];
      if (name === "happened") field.checked = Boolean(state.filters.happened);
      else field.value = state.filters[name] || "";
    }
    const select = form.elements.type;
    if (state.filters.type && ![...select.options].some((option) => option.value === state.filters.type)) {
      select.append(el("option", { value: state.filters.type }, state.filters.type));
      select.value = state.filters.type;
    }
  }

  function readForm() {
    const form = $("#filters");
    const filters = {};
    for (const name of FILTERS) {
      const field = form.elements[name];
      if (name === "happened") {
        if (field.checked) filters.happened = true;
        continue;
      }
      let value = field.value.trim();
      if (name === "country" || name === "dyad") value = value.toUpperCase();
      if (value) filters[name] = value;
    }
    return filters;
  }

  async function loadChoices() {
    const stats = await getJson("stats");
    const select = $("#filters").elements.type;
    const present = Object.keys(stats.by_type).sort();
    select.replaceChildren(el("option", { value: "" }, "any"),
      ...present.map((type) => el("option", { value: type }, type)));
    $("#countries").replaceChildren(...Object.keys(stats.by_country).map((code) =>
      el("option", { value: code }, countryNames.get(code) || code)));
    $("#dyad-list").replaceChildren(...Object.keys(stats.dyads).filter((dyad) => /^[A-Z]{3}-[A-Z]{3}$/.test(dyad))
      .map((dyad) => el("option", { value: dyad })));
    syncForm();
  }

  function setUpFilters() {
    const form = $("#filters");
    const apply = () => {
      for (const field of form.elements) {
        if (field.willValidate && !field.checkValidity()) {
          field.reportValidity();
          return;
        }
      }
      const next = withFilters({});
      next.filters = readForm();
      if (filterParams(next.filters).toString() !== filterParams(state.filters).toString()) go(next);
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", (event) => {
      event.preventDefault();
      go({ filters: {}, sort: state.sort, offset: 0, event: null });
    });
  }

  // ---- start -----------------------------------------------------------------------------

  function start() {
    setUpMap();
    setUpTimeline();
    setUpList();
    setUpEventView();
    setUpFilters();
    document.addEventListener("click", (event) => {
      const link = event.target.closest ? event.target.closest("a.nav") : null;
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      history.pushState(null, "", link.getAttribute("href"));
      readUrl();
      update();
    });
    window.addEventListener("popstate", () => {
      readUrl();
      update();
    });
    readUrl();
    // the outlines first (names for the other views), then everything else
    track(loadBasemap().catch(showError).then(() => {
      track(loadChoices());
      update();
    }));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
