// The idle sign-out warning (WCAG 2.1 success criterion 2.2.1). The server writes, on
// every page signed in with a session, how many seconds the session has left
// (data-session-seconds-left on the body) and when to warn
// (data-session-warn-after, SESSION_WARNING_SECONDS before the end), and a hidden
// dialog with "Stay signed in" and "Sign out". This script shows the dialog at that
// time, moves the focus to it, and on "Stay signed in" asks the server
// (POST /session/stay with the page's CSRF token), which answers with the seconds the
// session now has left. Without this script nothing is shown, and a form sent after the
// session ended keeps its typed text across the new sign-in (docs/security.md).
(function () {
    'use strict';
    var body = document.body;
    var dialog = document.getElementById('session-warning');
    if (dialog === null || !body.hasAttribute('data-session-seconds-left')) {
        return;
    }
    var lead = Number(body.getAttribute('data-session-warn-lead'));
    var stay = document.getElementById('session-stay');
    var message = document.getElementById('session-warning-text');
    var ended = document.getElementById('session-ended-text');
    var warnTimer = null;
    var endTimer = null;
    var returnFocus = null;

    function schedule(secondsLeft, warnAfter) {
        window.clearTimeout(warnTimer);
        window.clearTimeout(endTimer);
        warnTimer = window.setTimeout(show, warnAfter * 1000);
        endTimer = window.setTimeout(signedOut, Math.max(0, secondsLeft) * 1000);
    }

    function show() {
        if (!dialog.hidden) {
            return;
        }
        returnFocus = document.activeElement;
        dialog.hidden = false;
        body.classList.add('session-warning-open');
        dialog.focus();
    }

    function hide() {
        dialog.hidden = true;
        body.classList.remove('session-warning-open');
        if (returnFocus !== null && typeof returnFocus.focus === 'function') {
            returnFocus.focus();
        }
    }

    // The session has ended: the dialog says so and offers to sign in again (what the
    // page holds stays on it; a form sent now keeps its fields across the sign-in).
    function signedOut() {
        show();
        message.hidden = true;
        ended.hidden = false;
        stay.closest('form').hidden = true;
        dialog.focus();
    }

    stay.closest('form').addEventListener('submit', function (submitEvent) {
        submitEvent.preventDefault();
        var data = new URLSearchParams(new FormData(submitEvent.target));
        fetch('/session/stay', {
            method: 'POST',
            body: data,
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'},
            redirect: 'manual'
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('signed out');
            }
            return response.json();
        }).then(function (answer) {
            hide();
            var left = Number(answer.seconds_left);
            schedule(left, Math.max(0, left - lead));
        }).catch(function () {
            signedOut();
        });
    });

    // Escape keeps the person signed in, as the first button does; Tab stays in the
    // dialog while it is open.
    dialog.addEventListener('keydown', function (keyEvent) {
        if (keyEvent.key === 'Escape' && !stay.closest('form').hidden) {
            keyEvent.preventDefault();
            stay.click();
            return;
        }
        if (keyEvent.key !== 'Tab') {
            return;
        }
        var controls = Array.prototype.filter.call(
            dialog.querySelectorAll('button, a[href]'),
            function (control) { return control.offsetParent !== null; });
        if (controls.length === 0) {
            return;
        }
        var first = controls[0];
        var last = controls[controls.length - 1];
        if (keyEvent.shiftKey && (document.activeElement === first ||
                                  document.activeElement === dialog)) {
            keyEvent.preventDefault();
            last.focus();
        } else if (!keyEvent.shiftKey && document.activeElement === last) {
            keyEvent.preventDefault();
            first.focus();
        }
    });

    schedule(Number(body.getAttribute('data-session-seconds-left')),
             Number(body.getAttribute('data-session-warn-after')));
}());
