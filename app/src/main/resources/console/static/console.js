// The console works without this file; it only adds conveniences.
(function () {
  'use strict';

  // The status form: a question (NEEDS_INFO) or a reason (REJECTED) is required.
  var status = document.getElementById('status');
  var comment = document.getElementById('comment');
  if (status && comment && status.form && status.form.id === 'status-form') {
    var sync = function () {
      var option = status.options[status.selectedIndex];
      comment.required = !!(option && option.dataset.needsComment);
    };
    status.addEventListener('change', sync);
    sync();
  }

  // The phoned-in appeal form: offer only the issue types of the chosen category.
  var category = document.getElementById('category');
  var issueType = document.getElementById('issueType');
  if (category && issueType) {
    var filter = function () {
      var groups = issueType.querySelectorAll('optgroup');
      for (var i = 0; i < groups.length; i++) {
        var mine = groups[i].dataset.category === category.value;
        groups[i].hidden = !mine;
        groups[i].disabled = !mine;
      }
      var chosen = issueType.options[issueType.selectedIndex];
      if (chosen && chosen.parentNode.disabled) {
        issueType.value = '';
      }
    };
    category.addEventListener('change', filter);
    filter();
  }

  // On a phone the list comes first: unused filters fold away.
  var filters = document.querySelector('details.filters');
  if (filters && !filters.dataset.active && window.matchMedia('(max-width: 760px)').matches) {
    filters.open = false;
  }

  // Forms that cannot be undone ask first.
  document.addEventListener('submit', function (e) {
    var message = e.target.dataset && e.target.dataset.confirm;
    if (message && !window.confirm(message)) {
      e.preventDefault();
    }
  });

  // A new token is selected at once, ready to copy.
  var secret = document.getElementById('issued-token');
  if (secret) {
    secret.focus();
    secret.select();
  }
})();
