// Checks the threat-model report as laid out in the browser and reports to the page that frames it:
// the architecture picture shown at this width, its boxes visible and inside the viewport, no text of
// the picture longer than the room it was cut for, every in-page link with its target, and a page no
// wider than the viewport.
(function () {
  var problems = [];
  var viewport = window.innerWidth;
  var pictures = Array.prototype.slice.call(document.querySelectorAll('figure.architecture svg'));
  var shown = pictures.filter(function (svg) { return svg.getBoundingClientRect().width > 0; });
  var boxes = 0;
  var texts = 0;
  var marks = 0;
  shown.forEach(function (svg) {
    svg.querySelectorAll('g.box rect').forEach(function (rect) {
      boxes++;
      var r = rect.getBoundingClientRect();
      var name = rect.parentNode.getAttribute('data-box');
      if (r.width < 20 || r.height < 10) problems.push('box too small: ' + name);
      if (r.left < 0 || r.right > viewport) problems.push('box outside the viewport: ' + name);
    });
    svg.querySelectorAll('text[data-width]').forEach(function (text) {
      texts++;
      var room = parseFloat(text.getAttribute('data-width'));
      if (text.getComputedTextLength() > room + 0.5) {
        problems.push('text overflows: "' + text.textContent + '" ' + text.getComputedTextLength() + ' > ' + room);
      }
    });
    marks += svg.querySelectorAll('a.mark').length;
  });
  var links = 0;
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    links++;
    var id = a.getAttribute('href').substring(1);
    if (!document.getElementById(id)) problems.push('link to nothing: #' + id);
  });
  if (document.documentElement.scrollWidth > viewport) {
    problems.push('page wider than the viewport: ' + document.documentElement.scrollWidth + ' > ' + viewport);
  }
  var result = JSON.stringify({
    viewport: viewport,
    shown: shown.map(function (svg) { return svg.getAttribute('class'); }),
    boxes: boxes, texts: texts, marks: marks, links: links, problems: problems
  });
  window.parent.postMessage(result, '*');
})();
