"use strict";
// newsextract browser page: article list, annotated article, corpus views of an entity/speaker.
// Talks to the API under the page's own path (works below an API Gateway stage prefix); the API key
// lives in sessionStorage only and is sent as the x-api-key header.
(() => {
  const KEY_STORAGE = "newsextract.apiKey";
  const PAGE_SIZE = 25;
  const LABEL_NAMES = {
    PERSON: "Person", ORG: "Organisation", LOC: "Place", MISC: "Other name", DATE: "Date", TIME: "Time",
    MONEY: "Money", PERCENT: "Percent", CARDINAL: "Number", QUANTITY: "Quantity", ORDINAL: "Ordinal",
  };
  const LABEL_ORDER = Object.keys(LABEL_NAMES);
  const ROLE_NAMES = { source: "source", cue: "cue", content: "content" };
  const view = document.getElementById("view");
  const statusLine = document.getElementById("status");
  const changeKey = document.getElementById("change-key");
  let memoryKey = null;
  let renderToken = 0;

  // ---------------------------------------------------------------- key and API

  function getKey() {
    try { return window.sessionStorage.getItem(KEY_STORAGE) || memoryKey; } catch { return memoryKey; }
  }
  function setKey(key) {
    memoryKey = key || null;
    try {
      if (key) window.sessionStorage.setItem(KEY_STORAGE, key); else window.sessionStorage.removeItem(KEY_STORAGE);
    } catch { /* storage disabled: keep the key in memory for this page only */ }
  }

  /** The API's base path: the page is served at the API root ("/", "/dev/" or "/dev"). */
  function apiBase() {
    const path = window.location.pathname;
    return path.endsWith("/") ? path : path + "/";
  }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, params) {
    const key = getKey();
    if (!key) throw new ApiError(401, "An API key is needed.");
    const url = new URL(apiBase() + path, window.location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, String(value));
    }
    let response;
    try {
      response = await fetch(url, {
        headers: { "x-api-key": key, accept: "application/json" }, cache: "no-store", credentials: "omit",
      });
    } catch (error) {
      throw new ApiError(0, "The API could not be reached (" + error.message + ").");
    }
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) {
      const detail = body && (body.message || body.error || body.detail);
      throw new ApiError(response.status, (detail ? String(detail) : response.statusText) || "error");
    }
    return body;
  }

  // ---------------------------------------------------------------- DOM helpers

  /** el("tag", {class, text, attrs...}, children): builds nodes; data always goes in as text, never as markup. */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "text") node.textContent = String(value);
      else if (name === "class") node.className = value;
      else if (name === "dataset") Object.assign(node.dataset, value);
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setStatus(text, isError) {
    statusLine.textContent = text || "";
    statusLine.classList.toggle("error", Boolean(isError));
  }

  function show(title, nodes, focusHeading) {
    view.replaceChildren(...nodes);
    document.title = title ? title + " · newsextract" : "newsextract";
    const heading = view.querySelector("h1");
    if (focusHeading && heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
  }

  function hashFor(kind, value) { return "#/" + kind + "/" + encodeURIComponent(value); }

  function formatDate(value) {
    if (!value) return "undated";
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!match) return String(value);
    const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return date.toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  }

  function plural(count, word, many) { return count + " " + (count === 1 ? word : many || word + "s"); }

  function errorBox(error) {
    return el("p", { class: "error", role: "alert", text: error.message || String(error) });
  }

  /** A "Load more" button that fetches the next page and appends rows to a list. */
  function pager(list, next, fetchPage, row) {
    let cursor = next;
    const button = el("button", { type: "button", class: "secondary more", text: "Load more" });
    button.hidden = !cursor;
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const page = await fetchPage(cursor);
        const rows = (page.items || []).map(row);
        list.append(...rows);
        cursor = page.next || null;
        button.hidden = !cursor;
        if (rows.length) rows[0].querySelector("a, button")?.focus();
      } catch (error) {
        button.after(errorBox(error));
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  // ---------------------------------------------------------------- key view

  function showKeyForm(message) {
    changeKey.hidden = true;
    const input = el("input", {
      id: "api-key", name: "api-key", type: "password", autocomplete: "off", required: true,
      spellcheck: "false", "aria-describedby": "key-help",
    });
    const form = el("form", { class: "key-form", id: "key-form" }, [
      el("label", { for: "api-key" }, ["API key", input]),
      el("button", { type: "submit", text: "Use this key" }),
    ]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      setKey(key);
      route();
    });
    show("API key", [
      el("h1", { text: "Enter the API key" }),
      message ? el("p", { class: "error", role: "alert", text: message }) : null,
      el("p", { id: "key-help" }, [
        "Every request to the newsextract API carries this key. It is kept in this tab's session storage ",
        "until the tab closes, and never put in a URL.",
      ]),
      form,
    ].filter(Boolean), false);
    input.focus();
  }

  changeKey.addEventListener("click", () => {
    setKey(null);
    showKeyForm();
  });

  function handleError(error, token) {
    if (token !== renderToken) return;
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      setKey(null);
      setStatus("");
      showKeyForm("The API did not accept the key (" + error.status + "). Enter it again.");
      return;
    }
    setStatus("");
    show("Error", [el("h1", { text: "Something went wrong" }), errorBox(error),
      el("p", {}, [el("a", { href: "#/", text: "Back to all articles" })])], true);
  }

  // ---------------------------------------------------------------- article list

  function articleRow(item) {
    const counts = item.status === "failed"
      ? [el("span", { class: "badge failed", text: "failed" }), " ", item.error || ""]
      : [plural(item.entity_count || 0, "entity", "entities"), " · ",
        plural(item.statement_count || 0, "statement"), " · ", plural(item.word_count || 0, "word")];
    return el("li", { dataset: { articleId: item.id } }, [
      el("a", { href: hashFor("article", item.id), text: item.title || item.key || item.id }),
      el("p", { class: "meta" }, [el("time", { datetime: item.published || "", text: formatDate(item.published) }),
        " · ", ...counts]),
    ]);
  }

  async function showList(params) {
    const token = ++renderToken;
    const query = { limit: PAGE_SIZE, since: params.get("since"), until: params.get("until") };
    setStatus("Loading articles…");
    let page;
    try { page = await api("articles", query); } catch (error) { handleError(error, token); return; }
    if (token !== renderToken) return;
    setStatus("");
    const since = el("input", { type: "date", id: "since", name: "since", value: params.get("since") || "" });
    const until = el("input", { type: "date", id: "until", name: "until", value: params.get("until") || "" });
    const filter = el("form", { class: "filter-form", role: "search", "aria-label": "Filter by date" }, [
      el("label", { for: "since" }, ["Published from", since]),
      el("label", { for: "until" }, ["until", until]),
      el("button", { type: "submit", class: "secondary", text: "Filter" }),
    ]);
    filter.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      if (since.value) next.set("since", since.value);
      if (until.value) next.set("until", until.value);
      const text = next.toString();
      window.location.hash = "#/" + (text ? "?" + text : "");
    });
    const items = page.items || [];
    const list = el("ol", { class: "article-list", id: "article-list" }, items.map(articleRow));
    const more = pager(list, page.next, (cursor) => api("articles", { ...query, cursor }), articleRow);
    show("Articles", [
      el("h1", { text: "Articles" }),
      el("p", { class: "meta", text: "Newest first. Open an article to see its entities and who said what." }),
      filter,
      items.length ? list : el("p", { text: "No articles yet: upload one to the bucket and it appears here." }),
      more,
    ], false);
  }

  // ---------------------------------------------------------------- annotated text

  function spanParts(span) {
    if (!span) return [];
    if (Array.isArray(span.fragments) && span.fragments.length) return span.fragments.map(([s, e]) => [s, e]);
    return [[span.start, span.end]];
  }

  /**
   * Splits the text (as code points: the API's offsets are Python code-point offsets) at every span
   * boundary and renders each piece: statements as outer underlined spans, entities as inner marks.
   */
  function renderText(text, entities, statements) {
    const chars = Array.from(text);
    const length = chars.length;
    const spans = [];
    const clamp = (value) => Math.max(0, Math.min(length, Number(value) || 0));
    entities.forEach((entity) => {
      for (const mention of entity.mentions || []) {
        const start = clamp(mention.start);
        const end = clamp(mention.end);
        if (end > start) spans.push({ kind: "entity", start, end, entity });
      }
    });
    statements.forEach((statement) => {
      for (const role of ["content", "source", "cue"]) {
        for (const [s, e] of spanParts(statement[role])) {
          const start = clamp(s);
          const end = clamp(e);
          if (end > start) spans.push({ kind: role, start, end, statement });
        }
      }
    });
    const cuts = Array.from(new Set([0, length, ...spans.flatMap((s) => [s.start, s.end])])).sort((a, b) => a - b);
    const index = new Map(cuts.map((cut, i) => [cut, i]));
    const covers = cuts.slice(0, -1).map(() => []);
    for (const span of spans) {
      for (let i = index.get(span.start); i < index.get(span.end); i++) covers[i].push(span);
    }
    const root = el("div", { class: "article-text", id: "article-text" });
    let outer = null;
    let outerKey = "";
    for (let i = 0; i < covers.length; i++) {
      const piece = chars.slice(cuts[i], cuts[i + 1]).join("");
      const cover = covers[i];
      const entitySpan = cover.filter((s) => s.kind === "entity").sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
      const statementSpans = cover.filter((s) => s.kind !== "entity");
      let node = document.createTextNode(piece);
      if (entitySpan) {
        const entity = entitySpan.entity;
        node = el("mark", {
          class: "ent", title: (LABEL_NAMES[entity.label] || entity.label) + ": " + entity.name,
          dataset: { entity: entity.id, label: entity.label, name: entity.name, start: String(entitySpan.start) },
        }, [node]);
      }
      const roles = Array.from(new Set(statementSpans.map((s) => s.kind))).sort();
      const ids = Array.from(new Set(statementSpans.map((s) => s.statement.id))).sort();
      const key = roles.join(",") + "|" + ids.join(",");
      if (!statementSpans.length) {
        outer = null;
        outerKey = "";
        root.append(node);
        continue;
      }
      if (!outer || key !== outerKey) {
        const describe = statementSpans.map((s) => ROLE_NAMES[s.kind] + " of a statement by "
          + ((s.statement.speaker && s.statement.speaker.name) || (s.statement.source && s.statement.source.text)
            || "an unknown source"));
        outer = el("span", {
          class: "st " + roles.map((role) => "st-" + role).join(" "),
          title: Array.from(new Set(describe)).join("; "),
          dataset: {
            statements: ids.join(" "), roles: roles.join(" "),
            parts: Array.from(new Set(statementSpans.map((s) => s.statement.id + ":" + s.kind))).join(" "),
          },
        });
        outerKey = key;
        root.append(outer);
      }
      outer.append(node);
    }
    root.addEventListener("click", (event) => {
      const mark = event.target.closest("mark.ent");
      if (mark && mark.dataset.name) {
        window.location.hash = hashFor("entity", mark.dataset.name);
        return;
      }
      const part = event.target.closest(".st");
      if (part) selectStatement(part.dataset.statements.split(" ")[0], false);
    });
    return root;
  }

  function selectStatement(id, moveFocus) {
    for (const node of view.querySelectorAll(".st.is-active, li.is-active")) node.classList.remove("is-active");
    const parts = Array.from(view.querySelectorAll("#article-text .st"))
      .filter((n) => n.dataset.statements.split(" ").includes(id));
    parts.forEach((part) => part.classList.add("is-active"));
    const item = view.querySelector('li[data-statement-id="' + CSS.escape(id) + '"]');
    if (item) item.classList.add("is-active");
    if (moveFocus && parts.length) {
      parts[0].setAttribute("tabindex", "-1");
      parts[0].focus({ preventScroll: true });
      parts[0].scrollIntoView({ block: "center" });
    } else if (!moveFocus && item) {
      item.scrollIntoView({ block: "nearest" });
    }
  }

  function legend(entities, statements) {
    const labels = LABEL_ORDER.filter((label) => entities.some((e) => e.label === label));
    const items = [el("span", { class: "legend-title", text: "Key:" })];
    for (const label of labels) {
      items.push(el("span", { class: "swatch ent", dataset: { label }, text: LABEL_NAMES[label] }));
    }
    if (statements.length) {
      items.push(el("span", { class: "st st-source", text: "speaker (source)" }));
      items.push(el("span", { class: "st st-cue", text: "cue (said)" }));
      items.push(el("span", { class: "st st-content", text: "what was said (content)" }));
    }
    return el("p", { class: "legend", id: "legend" }, items);
  }

  function entityLink(name, text) {
    return el("a", { href: hashFor("entity", name), class: "entity-link", text: text || name });
  }

  function peoplePanel(entities) {
    const people = entities.filter((e) => e.label === "PERSON")
      .sort((a, b) => (b.salience || 0) - (a.salience || 0) || (b.count || 0) - (a.count || 0));
    const rows = people.map((person) => {
      const about = [...(person.titles || []), ...(person.roles || [])];
      return el("li", { dataset: { entityId: person.id } }, [
        entityLink(person.name),
        el("p", { class: "meta" }, [
          about.length ? about.join(", ") + " · " : "",
          plural(person.count || (person.mentions || []).length, "mention"),
        ]),
      ]);
    });
    return el("section", { class: "panel", id: "people", "aria-labelledby": "people-title" }, [
      el("h2", { id: "people-title", text: "People (" + people.length + ")" }),
      rows.length ? el("ul", {}, rows) : el("p", { class: "meta", text: "No people found." }),
    ]);
  }

  /** What was said: the content's fragments joined (interruptions such as "he said" left out). */
  function quoteText(statement, chars) {
    const content = statement.content;
    if (!content) return null;
    if (chars && Array.isArray(content.fragments) && content.fragments.length > 1) {
      return content.fragments.map(([s, e]) => chars.slice(s, e).join("").trim()).join(" … ");
    }
    return content.text;
  }

  function quote(statement, chars) {
    const text = quoteText(statement, chars);
    return text === null
      ? el("p", { class: "quote meta", text: "(no content marked)" })
      : el("p", { class: "quote", text: "“" + text + "”" });
  }

  function statementsPanel(statements, chars) {
    const groups = new Map();
    for (const statement of statements) {
      const name = (statement.speaker && statement.speaker.name) || (statement.source && statement.source.text) || "";
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(statement);
    }
    const ordered = Array.from(groups.entries()).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    const sections = ordered.map(([name, items]) => el("div", { class: "speaker-group", dataset: { speaker: name } }, [
      el("h3", {}, [name ? entityLink(name) : "Unattributed", " (" + items.length + ")"]),
      el("ol", { class: "quote-row" }, items.map((statement) => el("li", { dataset: { statementId: statement.id } }, [
        quote(statement, chars),
        el("p", { class: "meta" }, [
          statement.kind || "", statement.cue ? " · " + statement.cue.text : "", " · ",
          el("button", {
            type: "button", class: "link", text: "Show in text",
            "aria-label": "Show this statement in the text",
            onclick: () => selectStatement(statement.id, true),
          }),
        ]),
      ]))),
    ]));
    return el("section", { class: "panel", id: "statements", "aria-labelledby": "statements-title" }, [
      el("h2", { id: "statements-title", text: "Statements by speaker (" + statements.length + ")" }),
      sections.length ? el("div", {}, sections) : el("p", { class: "meta", text: "No statements found." }),
    ]);
  }

  function entitiesPanel(entities) {
    const others = entities.filter((e) => e.label !== "PERSON");
    const groups = LABEL_ORDER.filter((label) => label !== "PERSON")
      .map((label) => [label, others.filter((e) => e.label === label)])
      .filter(([, items]) => items.length);
    return el("section", { class: "panel", id: "entities", "aria-labelledby": "entities-title" }, [
      el("h2", { id: "entities-title", text: "Other entities (" + others.length + ")" }),
      ...groups.map(([label, items]) => el("details", { open: ["ORG", "LOC", "MISC"].includes(label) }, [
        el("summary", {}, [el("span", { class: "swatch ent", dataset: { label }, text: LABEL_NAMES[label] }),
          " (" + items.length + ")"]),
        el("ul", {}, items.sort((a, b) => (b.count || 0) - (a.count || 0)).map((entity) =>
          el("li", { dataset: { entityId: entity.id } }, [entityLink(entity.name), " ",
            el("span", { class: "meta", text: "×" + (entity.count || (entity.mentions || []).length) })]))),
      ])),
    ]);
  }

  async function showArticle(id) {
    const token = ++renderToken;
    setStatus("Loading the article…");
    let result;
    try { result = await api("articles/" + encodeURIComponent(id)); } catch (error) { handleError(error, token); return; }
    if (token !== renderToken) return;
    setStatus("");
    const article = result.article || {};
    const entities = result.entities || [];
    const statements = result.statements || [];
    const model = result.model ? result.model.name + " " + result.model.version : "";
    const header = [
      el("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, [el("a", { href: "#/", text: "← All articles" })]),
      el("h1", { id: "article-title", text: article.title || article.key || article.id }),
      el("p", { class: "meta" }, [
        el("time", { datetime: article.published || "", text: formatDate(article.published) }),
        article.key ? " · " + article.key : "", " · " + plural(article.word_count || 0, "word"),
        model ? " · model " + model : "",
      ]),
    ];
    if (article.status === "failed") {
      show(article.title || "Article", [...header, el("p", { class: "error", role: "alert",
        text: "Extraction failed: " + (article.error || "unknown error") })], true);
      return;
    }
    show(article.title || "Article", [
      ...header,
      legend(entities, statements),
      el("div", { class: "layout" }, [
        el("section", { "aria-label": "Article text" }, [renderText(article.text || "", entities, statements)]),
        el("aside", { class: "panels", "aria-label": "People, statements and entities" }, [
          peoplePanel(entities), statementsPanel(statements, Array.from(article.text || "")), entitiesPanel(entities),
        ]),
      ]),
    ], true);
  }

  // ---------------------------------------------------------------- corpus view of one name

  function mentionRow(item) {
    const entity = item.entity || {};
    return el("li", {}, [
      el("a", { href: hashFor("article", item.id), text: item.title || item.key || item.id }),
      el("p", { class: "meta" }, [formatDate(item.published),
        entity.label ? " · " + (LABEL_NAMES[entity.label] || entity.label) : "",
        entity.count ? " · " + plural(entity.count, "mention") : ""]),
    ]);
  }

  function statementRow(item) {
    const article = item.article || {};
    return el("li", { dataset: { statementId: item.id || "" } }, [
      quote(item, null),
      el("p", { class: "meta" }, [
        item.cue ? item.cue.text + " · " : "",
        el("a", { href: hashFor("article", article.id || ""), text: article.title || article.id || "article" }),
        " · " + formatDate(article.published),
      ]),
    ]);
  }

  async function corpusSection(id, title, path, row, empty) {
    const heading = el("h2", { id: id + "-title", text: title });
    const section = el("section", { id, "aria-labelledby": id + "-title" }, [heading]);
    try {
      const page = await api(path, { limit: PAGE_SIZE });
      const items = page.items || [];
      heading.textContent = title + " (" + items.length + (page.next ? "+" : "") + ")";
      const list = el("ol", {}, items.map(row));
      section.append(items.length ? list : el("p", { class: "meta", text: empty }),
        pager(list, page.next, (cursor) => api(path, { limit: PAGE_SIZE, cursor }), row));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) section.append(el("p", { class: "meta", text: empty }));
      else if (error instanceof ApiError && (error.status === 401 || error.status === 403)) throw error;
      else section.append(errorBox(error));
    }
    return section;
  }

  async function showName(name) {
    const token = ++renderToken;
    setStatus("Loading “" + name + "” across the corpus…");
    const encoded = encodeURIComponent(name);
    let sections;
    try {
      sections = await Promise.all([
        corpusSection("mentions", "Articles mentioning " + name, "entities/" + encoded + "/articles", mentionRow,
          "No article mentions this name."),
        corpusSection("quotes", "Statements by " + name, "speakers/" + encoded + "/statements", statementRow,
          "No statements attributed to this name."),
      ]);
    } catch (error) { handleError(error, token); return; }
    if (token !== renderToken) return;
    setStatus("");
    show(name, [
      el("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, [
        el("a", { href: "#/", text: "← All articles" }),
        el("button", { type: "button", class: "secondary", text: "Back", onclick: () => window.history.back() }),
      ]),
      el("h1", { text: name }),
      el("p", { class: "meta", text: "Across every article in the corpus." }),
      el("div", { class: "results" }, sections),
    ], true);
  }

  // ---------------------------------------------------------------- routing

  function route() {
    const raw = window.location.hash.replace(/^#\/?/, "");
    const [path, query] = raw.split("?");
    const [kind, ...rest] = path.split("/");
    let arg = "";
    try { arg = decodeURIComponent(rest.join("/")); } catch { arg = rest.join("/"); }
    if (!getKey()) { showKeyForm(); return; }
    changeKey.hidden = false;
    if (kind === "article" && arg) showArticle(arg);
    else if (kind === "entity" && arg) showName(arg);
    else showList(new URLSearchParams(query || ""));
  }

  window.addEventListener("hashchange", route);
  route();
})();
