// Live updates for the dashboard: every two seconds, the campaigns' counts from /api/campaigns are written into the
// page, so a campaign's progress moves while letters go out, without reloading. Served from the jar (the page's
// Content-Security-Policy allows scripts from this server only, none inline). Without it the pages still work.
"use strict";
(function () {
  function set(root, selector, text) {
    var el = root.querySelector(selector);
    if (el && text !== undefined && text !== null && el.textContent !== String(text)) { el.textContent = text; }
  }
  function show(c, root, byId) {
    set(root, byId ? "#state" : ".state", c.state);
    set(root, byId ? "#detail" : ".detail", c.detail);
    set(root, byId ? "#accepted" : ".accepted", c.accepted);
    set(root, byId ? "#total" : ".total", c.total);
    set(root, byId ? "#replied" : ".replied", c.replied);
    set(root, byId ? "#bounced" : ".bounced", c.bounced);
    var bar = root.querySelector("progress");
    if (bar) { bar.max = c.total; bar.value = c.accepted; }
    c.counts.forEach(function (count) {
      set(root, "[data-count='" + count.state + "']", count.n);
    });
  }
  function refresh() {
    fetch("/api/campaigns", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (campaigns) {
        var page = document.body.dataset;
        campaigns.forEach(function (c) {
          if (page.campaign === c.name && page.log === String(c.log)) { show(c, document, true); }
          document.querySelectorAll("li.campaign").forEach(function (li) {
            if (li.dataset.campaign === c.name && li.dataset.log === String(c.log)) { show(c, li, false); }
          });
        });
      })
      .catch(function () { /* the next tick tries again */ });
  }
  setInterval(refresh, 2000);
})();
