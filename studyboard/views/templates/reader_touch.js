/* One tap on the reader's heatmap selects its cell (included by reader_touch.html; the same for every page).
 *
 * Plotly selects the point of its last hover when the chart is clicked (clickmode "select"), and
 * works the hover out from mouse moves. A finger brings no mouse move before its tap: the first tap
 * only makes the hover, the second selects. So a touch on the heatmap first hands the chart a mouse
 * move at the finger's place; the tap that follows selects the cell under it.
 */
(() => {
  if (window.__sbReaderTouch) return;
  window.__sbReaderTouch = true;
  document.addEventListener("touchstart", (event) => {
    if (event.touches.length !== 1) return;
    const target = event.target;
    if (!(target instanceof Element) || !target.closest(".st-key-reader_grid_box .nsewdrag")) return;
    const touch = event.touches[0];
    target.dispatchEvent(new MouseEvent("mousemove", {bubbles: true, cancelable: true, view: window,
                                                      clientX: touch.clientX, clientY: touch.clientY}));
  }, {capture: true, passive: true});
})();
