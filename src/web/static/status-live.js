// The status page while the automatic answer is prepared: looks again every few seconds and reloads
// once the status has changed (no reload while nothing changed). Without JavaScript a meta refresh in
// <noscript> does the same; the page's "Dejar de actualizar" link turns both off.
(() => {
  const box = document.getElementById('request-live');
  if (!box?.dataset.live || !window.fetch || !window.DOMParser) return;
  const seconds = Number(box.dataset.live) || 5;
  const tick = async () => {
    try {
      const res = await fetch(location.href, { credentials: 'same-origin' });
      if (res.ok) {
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const next = doc.getElementById('request-live');
        if (next && next.dataset.status !== box.dataset.status) {
          location.reload();
          return;
        }
        // Still received but no longer live (it now waits for a person): stop and say nothing more.
        if (!next?.dataset.live) {
          box.replaceChildren();
          return;
        }
      }
    } catch {
      // A network hiccup: try again at the next tick.
    }
    setTimeout(tick, seconds * 1000);
  };
  setTimeout(tick, seconds * 1000);
})();
