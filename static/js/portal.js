/* The portal's own behaviour, without inline scripts (the Content-Security-Policy allows none):
   - <select data-autosubmit>: choosing a value submits its form (the language selector);
   - <button data-confirm="…">: asks before submitting;
   - <a data-history-back>: goes back one page. */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("select[data-autosubmit]") && field.form) {
      field.form.submit();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-confirm], [data-history-back]") : null;
    if (!target) {
      return;
    }
    if (target.hasAttribute("data-history-back")) {
      event.preventDefault();
      window.history.back();
    } else if (!window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
