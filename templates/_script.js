/* yoy report page: view toggles, indicator table sort and filter, evidence and move links. No libraries. */
(function () {
  "use strict";
  var body = document.body;

  function toggle(id, cls, onText, offText) {
    var btn = document.getElementById(id);
    if (!btn) { return; }
    btn.addEventListener("click", function () {
      var on = body.classList.toggle(cls);
      btn.setAttribute("aria-pressed", on ? "true" : "false");
      if (onText) { btn.textContent = on ? onText : offText; }
    });
  }
  toggle("mode", "inline", "并排显示", "合并显示");
  toggle("only-changed", "only-changed", null, null);

  var table = document.getElementById("ind-table");
  if (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var tbody = table.tBodies[0];
    var sortKey = function (cell, type) {
      var v = cell.getAttribute("data-v");
      if (type === "num") {
        if (v === null || v === "") { return null; }
        var x = parseFloat(v);
        return isNaN(x) ? null : x;
      }
      return v === null ? cell.textContent : v;
    };
    var sortBy = function (th, col) {
      var type = th.getAttribute("data-type");
      var asc = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = sortKey(a.cells[col], type), y = sortKey(b.cells[col], type);
        if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
        var r = type === "num" ? x - y : String(x).localeCompare(String(y), "zh-CN");
        return asc ? r : -r;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    };
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () { sortBy(th, col); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th, col); }
      });
    });
    var q = document.getElementById("ind-q"), f = document.getElementById("ind-f");
    var count = document.getElementById("ind-count");
    var filter = function () {
      var text = q.value.trim(), tag = f.value, shown = 0;
      Array.prototype.forEach.call(tbody.rows, function (r) {
        var tags = " " + r.getAttribute("data-tags") + " ";
        var ok = (!text || r.textContent.indexOf(text) >= 0) && (!tag || tags.indexOf(" " + tag + " ") >= 0);
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = String(shown);
    };
    q.addEventListener("input", filter);
    f.addEventListener("change", filter);
  }

  function reveal(el) {
    var blk = el.closest(".blk");
    if (blk) { blk.classList.add("show"); }
  }
  function flashEvidence(id) {
    Array.prototype.forEach.call(document.querySelectorAll("mark.flash"), function (m) { m.classList.remove("flash"); });
    var target = document.getElementById(id);
    if (!target) { return; }
    reveal(target);
    Array.prototype.forEach.call(document.getElementsByClassName(id), function (m) { m.classList.add("flash"); });
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest("a[href^='#']");
    if (link) {
      var id = link.getAttribute("href").slice(1);
      var target = document.getElementById(id);
      if (target) { reveal(target); }
      if (target && link.classList.contains("evl")) {
        // Evidence can be pages away: jump there at once and centre it, rather than a long smooth scroll.
        e.preventDefault();
        flashEvidence(id);
        target.scrollIntoView({block: "center", behavior: "instant"});
        if (history.replaceState) { history.replaceState(null, "", "#" + id); }
      }
      return;
    }
    var mv = e.target.closest("[data-mv]");
    if (mv) {
      var key = mv.getAttribute("data-mv");
      var partners = document.querySelectorAll("[data-mv='" + key + "']");
      for (var i = 0; i < partners.length; i += 1) {
        var p = partners[i];
        if (p !== mv && p.tagName !== mv.tagName && p.offsetParent !== null) {
          p.scrollIntoView({block: "center"});
          p.classList.add("flash-mv");
          window.setTimeout(function (el) { el.classList.remove("flash-mv"); }, 1600, p);
          break;
        }
      }
    }
  });
  if (location.hash.indexOf("#ev-") === 0) { flashEvidence(location.hash.slice(1)); }
}());
