// msadecomp report helpers (our own code, no libraries): search filter, diagram zoom and pan,
// click-through from a context-map box to its service. The page works without them.
(function () {
  "use strict";
  var links = JSON.parse(document.getElementById("node-links").textContent);

  // search / filter: hides service sections and table rows that do not contain the text
  var box = document.getElementById("filter");
  if (box) {
    box.hidden = false;
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      document.querySelectorAll("[data-filter]").forEach(function (el) {
        el.hidden = q !== "" && el.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }

  // zoom (wheel, +/- buttons) and pan (drag) of every diagram, by changing the viewBox
  document.querySelectorAll(".diagram svg").forEach(function (svg) {
    var vb = svg.viewBox.baseVal;
    if (!vb || !vb.width) { return; }
    var home = [vb.x, vb.y, vb.width, vb.height];
    function zoom(factor, cx, cy) {
      var nw = vb.width * factor, nh = vb.height * factor;
      vb.x = cx - (cx - vb.x) * factor; vb.y = cy - (cy - vb.y) * factor;
      vb.width = nw; vb.height = nh;
    }
    function point(ev) {
      var r = svg.getBoundingClientRect();
      return [vb.x + (ev.clientX - r.left) / r.width * vb.width,
              vb.y + (ev.clientY - r.top) / r.height * vb.height];
    }
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = point(ev);
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("mousedown", function (ev) { drag = [ev.clientX, ev.clientY]; });
    window.addEventListener("mouseup", function () { drag = null; });
    svg.addEventListener("mousemove", function (ev) {
      if (!drag) { return; }
      var r = svg.getBoundingClientRect();
      vb.x -= (ev.clientX - drag[0]) / r.width * vb.width;
      vb.y -= (ev.clientY - drag[1]) / r.height * vb.height;
      drag = [ev.clientX, ev.clientY];
    });
    var bar = svg.parentNode.querySelector(".zoombar");
    if (bar) {
      bar.hidden = false;
      bar.querySelector(".zin").onclick = function () {
        zoom(0.8, vb.x + vb.width / 2, vb.y + vb.height / 2);
      };
      bar.querySelector(".zout").onclick = function () {
        zoom(1.25, vb.x + vb.width / 2, vb.y + vb.height / 2);
      };
      bar.querySelector(".zreset").onclick = function () {
        vb.x = home[0]; vb.y = home[1]; vb.width = home[2]; vb.height = home[3];
      };
    }
    // a Graphviz node's <title> is its DOT id: jump to the section it stands for
    svg.querySelectorAll("g.node").forEach(function (g) {
      var t = g.querySelector("title");
      var target = t && links[t.textContent];
      if (target) {
        g.style.cursor = "pointer";
        g.addEventListener("click", function () { location.hash = target; });
      }
    });
  });
})();
