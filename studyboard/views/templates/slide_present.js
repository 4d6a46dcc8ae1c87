/* The presenter view in the browser (included by slide_present.html; the same for every page).
 *
 * Fit: the slide's type (set in em of its font size) is scaled by --sb-fit on the root element,
 * lowered from 1 until the slide ends above the bottom of the window, so that a slide fits every
 * screen and type size; measured again when the slide, the window or full screen changes. Not on a
 * phone (narrow window, or a slide laid out for a phone): there the page scrolls.
 * F: full screen on and off (not while typing into a field); Esc leaves it as usual.
 * window.__sbPresent.fitted() tells whether the slide on the page has been fitted to this window.
 */
(() => {
  if (window.__sbPresent) { window.__sbPresent.schedule(); return; }
  const root = document.documentElement;
  const PHONE = 640;   // px: the style's phone width
  const GAP = 12;      // px left free under the slide
  let done = "", queued = false;

  const slideOf = () => document.querySelector("section.sb-slide");
  const scrollerOf = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const y = getComputedStyle(p).overflowY;
      if (y === "auto" || y === "scroll") return p;
    }
    return document.scrollingElement;
  };
  const signature = (slide) => [innerWidth, innerHeight, !!document.fullscreenElement,
                                slide.textContent.length, slide.className].join("|");
  // how far the slide reaches below its top when the page is scrolled to the start
  const bottom = (slide) => {
    let low = slide.getBoundingClientRect().bottom;
    for (const el of slide.querySelectorAll("*")) low = Math.max(low, el.getBoundingClientRect().bottom);
    return low;
  };
  const fits = (slide, top) => bottom(slide) - slide.getBoundingClientRect().top + top + GAP <= innerHeight;

  function fit() {
    queued = false;
    const slide = slideOf();
    if (!slide) return;
    const key = signature(slide);
    if (key === done && slide.dataset.sbFitted) return;
    if (innerWidth <= PHONE || slide.classList.contains("sb-phone")) {
      root.style.removeProperty("--sb-fit");
    } else {
      const scroller = scrollerOf(slide);
      const top = slide.getBoundingClientRect().top + (scroller ? scroller.scrollTop : 0);
      root.style.setProperty("--sb-fit", "1");
      if (!fits(slide, top)) {
        let low = 0.2, high = 1;
        for (let i = 0; i < 9; i++) {
          const mid = (low + high) / 2;
          root.style.setProperty("--sb-fit", mid.toFixed(4));
          if (fits(slide, top)) low = mid; else high = mid;
        }
        root.style.setProperty("--sb-fit", low.toFixed(4));
      }
    }
    slide.dataset.sbFitted = root.style.getPropertyValue("--sb-fit") || "1";
    done = key;
  }

  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(fit);
  }

  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else root.requestFullscreen().catch(() => {});
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "f" && event.key !== "F") return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (!slideOf()) return;  // another page of the board
    event.preventDefault();
    fullScreen();
  });
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest(".sb-full")) fullScreen();
  });
  document.addEventListener("fullscreenchange", schedule);
  addEventListener("resize", schedule);
  new MutationObserver(schedule).observe(document.body, {childList: true, subtree: true, characterData: true});
  document.fonts.ready.then(schedule);

  window.__sbPresent = {
    schedule,
    fitted: () => { const slide = slideOf(); return !!slide && !!slide.dataset.sbFitted && signature(slide) === done; },
  };
  schedule();
})();
