(function () {
  var boxes = document.querySelectorAll("div.figure[data-figure]");
  for (var i = 0; i < boxes.length; i++) {
    var spec = JSON.parse(boxes[i].getAttribute("data-figure"));
    Plotly.newPlot(boxes[i], spec.figure.data, spec.figure.layout, spec.config);
  }
})();
