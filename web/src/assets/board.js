// The referral board, live. When the server says the board changed (server-sent events
// from the address in #board-live's data-events), this fetches the same page again (its
// filters and page are in the address), puts the fresh list in place of the old one,
// keeps the focus on the same control, and says what happened in the polite live
// region. Without this script the page works as it is, with its refresh link.
(function () {
  'use strict';
  var live = document.getElementById('board-live');
  var status = document.getElementById('board-status');
  if (!live || !status || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var running = false;
  // The news waiting for the fetch under way: a new referral outweighs a change.
  var queued = null;

  function stronger(a, b) {
    return a === 'arrived' || b === 'arrived' ? 'arrived' : a || b;
  }

  // What names the focused control across a refresh: its form's action or its address.
  function mark(element) {
    if (!element || !live.contains(element)) {
      return null;
    }
    var form = element.closest('form');
    if (form) {
      return { form: form.getAttribute('action') };
    }
    return { href: element.getAttribute('href') };
  }

  function find(marked) {
    if (marked.form) {
      var form = live.querySelector('form[action="' + CSS.escape(marked.form) + '"]');
      return form && form.querySelector('button');
    }
    if (marked.href) {
      return live.querySelector('a[href="' + CSS.escape(marked.href) + '"]');
    }
    return null;
  }

  function announce(news) {
    var text = status.getAttribute(news === 'arrived' ? 'data-arrived' : 'data-updated');
    // Emptied first: the same words said twice are still news to a screen reader.
    status.textContent = '';
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function refresh(news) {
    if (running) {
      queued = stronger(queued, news);
      return;
    }
    running = true;
    fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the board answered ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('board-live');
        // What a reader sees is the same: nothing to replace, nothing to say.
        if (!fresh || fresh.textContent === live.textContent) {
          return;
        }
        var marked = mark(document.activeElement);
        live.innerHTML = fresh.innerHTML;
        if (marked) {
          var again = find(marked);
          if (!again) {
            live.setAttribute('tabindex', '-1');
            again = live;
          }
          again.focus();
        }
        announce(news);
      })
      .catch(function () {
        // The refresh link still works; the next event tries again.
      })
      .then(function () {
        running = false;
        if (queued) {
          var next = queued;
          queued = null;
          refresh(next);
        }
      });
  }

  var source = new EventSource(live.getAttribute('data-events'));
  // On every (re)connection: what changed while no stream was open is fetched once.
  source.addEventListener('ready', function () {
    refresh('updated');
  });
  source.addEventListener('board', function (event) {
    refresh(event.data === 'arrived' ? 'arrived' : 'updated');
  });
})();
