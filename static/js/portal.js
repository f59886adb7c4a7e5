/* The portal's own behaviour, without inline scripts (the Content-Security-Policy allows none):
   - <select data-autosubmit>: choosing a value submits its form (the language selector);
   - <button data-confirm="…">: asks before submitting;
   - <a data-history-back>: goes back one page;
   - tables (.table, outside the official document preview): each cell gets its column's header text as
     data-label and the table the class table-stack, so that static/css/portal.css stacks it on a phone
     (after every htmx swap too). A table with .table-no-stack keeps its columns. */
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

  function stackTables() {
    document.querySelectorAll("table.table:not(.table-no-stack)").forEach(function (table) {
      if (table.closest(".doc-preview")) {
        return;
      }
      var headRow = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1] : null;
      if (!headRow) {
        return;
      }
      var labels = [];
      Array.prototype.forEach.call(headRow.cells, function (cell) {
        for (var span = 0; span < (cell.colSpan || 1); span++) {
          labels.push(cell.textContent.replace(/\s+/g, " ").trim());
        }
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            var span = cell.colSpan || 1;
            cell.setAttribute("data-label", span > 1 ? "" : (labels[column] || ""));
            column += span;
          });
        });
      });
      table.classList.add("table-stack");
    });
  }
  document.addEventListener("DOMContentLoaded", stackTables);
  document.addEventListener("htmx:afterSettle", stackTables);
})();
