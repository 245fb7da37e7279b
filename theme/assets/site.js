// Microsite: small enhancements. Everything works without this file; it only makes things nicer.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "microsite.textSize";
  var MIN = 0;
  var MAX = 2;

  // Apply the remembered text size before the page is drawn (this script runs in <head>, not deferred).
  function readSize() {
    try {
      var value = parseInt(window.localStorage.getItem(KEY) || "0", 10);
      return isNaN(value) ? 0 : Math.max(MIN, Math.min(MAX, value));
    } catch (e) {
      return 0; // storage can be blocked (private mode, file:// policies): keep the default size
    }
  }

  function applySize(size) {
    if (size === 0) {
      root.removeAttribute("data-text-size");
    } else {
      root.setAttribute("data-text-size", String(size));
    }
  }

  // Everything that changes the page's layout happens here, before the first paint, never later
  // (a later change moves text the reader already sees: a layout shift). The "js" mark shows the
  // text-size buttons, which need this script; the stylesheet gives them their place from the start.
  root.classList.add("js");
  applySize(readSize());

  function setupTextSize() {
    var group = document.querySelector(".text-size");
    if (!group) {
      return;
    }
    var buttons = group.querySelectorAll("button[data-text-size]");
    function update(size) {
      applySize(size);
      try {
        window.localStorage.setItem(KEY, String(size));
      } catch (e) {
        // not remembered, but still applied
      }
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", buttons[i].getAttribute("data-text-size") === String(size) ? "true" : "false");
      }
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        update(parseInt(event.currentTarget.getAttribute("data-text-size"), 10));
      });
    }
    update(readSize());
  }

  // The language switch keeps the reader's place: both languages share section and paragraph ids
  // ("planning-3"), so the other page opens at the paragraph being read. The switch is at the top of the
  // page, so the place is the one where the reader last rested with the switch out of sight: scrolling up
  // to the switch, or a click while the page is still gliding up to it, does not count. A reader who has
  // not rested anywhere since arriving keeps the address they arrived at ("#economy").
  function paragraphInView() {
    var paragraphs = document.querySelectorAll("main .prose p[id]:not(.table-caption)");
    var reading = null;
    for (var i = 0; i < paragraphs.length; i++) {
      var box = paragraphs[i].getBoundingClientRect();
      if (box.top >= 0) {
        return box.top < window.innerHeight || !reading ? paragraphs[i].id : reading.id;
      }
      reading = paragraphs[i];
    }
    return reading ? reading.id : null;
  }

  function anyInView(elements) {
    for (var i = 0; i < elements.length; i++) {
      var box = elements[i].getBoundingClientRect();
      if (box.height > 0 && box.bottom > 0 && box.top < window.innerHeight) {
        return true;
      }
    }
    return false;
  }

  function setupLanguageSwitch() {
    var links = document.querySelectorAll("a[data-lang-switch]");
    if (links.length === 0) {
      return;
    }
    var rested = null;
    var timer = null;
    window.addEventListener("scroll", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        if (window.scrollY > 0 && !anyInView(links)) {
          rested = paragraphInView();
        }
      }, 600);
    }, { passive: true });
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        var link = event.currentTarget;
        var place = rested || (!window.location.hash && window.scrollY > 0 ? paragraphInView() : null);
        var hash = place ? "#" + place : window.location.hash;
        link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
      });
    }
  }

  // A tap on a glossary term shows its definition in place (the native popover, centred on screen,
  // so it stays inside even a 320 px wide viewport). The link still leads to the entry when opened
  // in a new tab, and the "?" button does the same without JavaScript.
  function setupTerms() {
    if (typeof HTMLElement === "undefined" || !HTMLElement.prototype.hasOwnProperty("popover")) {
      return;
    }
    var lastTerm = null;
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.term") : null;
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) {
        return;
      }
      var popover = document.getElementById("gloss-" + link.getAttribute("data-term"));
      if (!popover) {
        return;
      }
      event.preventDefault();
      lastTerm = link;
      popover.showPopover();
      // Start reading at the top: the term, then its definition (focusing the link at the bottom
      // would scroll a long definition to its end).
      popover.scrollTop = 0;
      popover.focus({ preventScroll: true });
    });
    var popovers = document.querySelectorAll(".term-popover");
    for (var i = 0; i < popovers.length; i++) {
      popovers[i].addEventListener("toggle", function (event) {
        if (event.newState === "closed" && lastTerm) {
          lastTerm.focus();
          lastTerm = null;
        }
      });
      // Tabbing out of an open definition closes it, and focus goes where the reader sent it.
      popovers[i].addEventListener("focusout", function (event) {
        var popover = event.currentTarget;
        if (event.relatedTarget && !popover.contains(event.relatedTarget) && popover.matches(":popover-open")) {
          lastTerm = null;
          popover.hidePopover();
        }
      });
    }
  }

  // The header's search box is a popover on phones (it opens without JavaScript too): when it opens,
  // the reader can type at once.
  function setupSearchBox() {
    var box = document.getElementById("site-search");
    if (!box) {
      return;
    }
    box.addEventListener("toggle", function (event) {
      var input = box.querySelector("input[name=q]");
      if (event.newState === "open" && input) {
        input.focus();
      }
    });
  }

  // The search page shows its form from the first paint (see site.css). If the search script or its index
  // did not load after all, the note that search needs JavaScript comes back instead of a dead form.
  function checkSearchPage() {
    if (document.querySelector("[data-search-app]") && !(window.MicrositeSearch && window.MicrositeSearchIndex)) {
      root.classList.add("search-failed");
    }
  }

  function ready() {
    window.addEventListener("load", checkSearchPage);
    setupSearchBox();
    setupTextSize();
    setupLanguageSwitch();
    setupTerms();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
