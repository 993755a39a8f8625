// The claim form shows only the fields the chosen kind of activity needs, and hides
// what a chosen catalog event fills in. Without this script every field is shown and
// the server still checks each one.
(function () {
    'use strict';
    var form = document.querySelector('form[data-claim]');
    if (form === null) {
        return;
    }
    var kind = form.querySelector('#kind');
    var event = form.querySelector('#event');

    function update() {
        var fromEvent = event !== null && event.value !== '';
        var groups = form.querySelectorAll('.usa-form-group');
        for (var i = 0; i < groups.length; i++) {
            var group = groups[i];
            var kinds = group.getAttribute('data-kinds');
            var shown = true;
            if (fromEvent) {
                shown = group.getAttribute('data-from-event') !== 'true' && kinds === null;
            } else if (kinds !== null && kind.value !== '') {
                shown = kinds.split(' ').indexOf(kind.value) >= 0;
            }
            // A field the server marked as wrong always stays in view.
            group.hidden = !shown && !group.classList.contains('usa-form-group--error');
        }
    }

    kind.addEventListener('change', update);
    if (event !== null) {
        event.addEventListener('change', update);
    }
    update();
}());
