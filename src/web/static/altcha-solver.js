// Proof of work for the request form (ALTCHA v2, SHA-256, self-hosted). Progressive enhancement:
// without this script the form still submits and the server applies its no-JavaScript checks.
(() => {
  const form = document.getElementById('submit-form');
  if (!form || !window.crypto || !crypto.subtle) return;
  const field = form.querySelector('input[name="altcha"]');
  const status = document.getElementById('altcha-status');
  const button = form.querySelector('button[type="submit"]');
  // With the script running, the check is the proof of work, not the no-JavaScript waiting time.
  if (status?.dataset.jsNote) status.textContent = status.dataset.jsNote;
  let challenge;
  try {
    challenge = JSON.parse(form.dataset.altcha || '');
  } catch {
    return;
  }
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
  const p = challenge.parameters;
  const salt = bytes(p.salt);
  const nonce = bytes(p.nonce);
  const prefix = p.keyPrefix.toLowerCase();
  const data = new Uint8Array(salt.length + nonce.length + 4);
  data.set(salt, 0);
  data.set(nonce, salt.length);
  const view = new DataView(data.buffer);
  const at = salt.length + nonce.length;

  let solved = null;
  const solve = async () => {
    for (let counter = 0; counter < 0xffffffff; counter++) {
      view.setUint32(at, counter, false);
      let key = await crypto.subtle.digest('SHA-256', data);
      for (let i = 1; i < p.cost; i++) key = await crypto.subtle.digest('SHA-256', key);
      const keyHex = hex(key).slice(0, p.keyLength * 2);
      if (keyHex.startsWith(prefix)) return { counter, derivedKey: keyHex };
    }
    return null;
  };
  const working = solve().then((solution) => {
    if (!solution) return;
    solved = btoa(JSON.stringify({ challenge, solution }));
    field.value = solved;
  });

  let submitting = false;
  form.addEventListener('submit', (event) => {
    if (submitting) {
      // A second click while the first is on its way: the server would make one request anyway.
      event.preventDefault();
      return;
    }
    if (solved) {
      submitting = true;
      return;
    }
    event.preventDefault();
    submitting = true;
    if (button) button.setAttribute('aria-disabled', 'true');
    if (status) status.textContent = status.dataset.working || status.textContent;
    working.then(() => form.submit());
  });
})();
