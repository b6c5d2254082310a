// Browser code of the director's signing page (bundled into src/web/static/signing.min.js by
// `npx tsx scripts/build-signing-js.ts`). The .key file and its password stay in this page: the key is
// decrypted here (node-forge: SAT keys are PKCS#8 with PBES2 and often 3DES, which WebCrypto lacks)
// and only signatures are sent to the server.
import { decryptKey, modulusHex, signBase64, signText } from './signing-crypto.ts';

type Json = Record<string, unknown>;

function setStatus(el: HTMLElement, text: string, isError = false) {
  el.textContent = text;
  el.className = isError ? 'error-message' : 'hint';
  el.focus();
}

async function post(url: string, csrf: string, body: Json): Promise<Json> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = (await res.json()) as Json;
  if (!res.ok) throw new Error(String((json.error as Json | undefined)?.message ?? res.statusText));
  return json;
}

const form = document.getElementById('signing-form') as HTMLFormElement | null;
const status = document.getElementById('signing-status');
if (form && status) {
  form.hidden = false;
  document.getElementById('signing-nojs')?.remove();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const d = form.dataset;
    const file = (form.elements.namedItem('key') as HTMLInputElement).files?.[0];
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const button = form.querySelector('button');
    if (!file) return;
    const key = decryptKey(new Uint8Array(await file.arrayBuffer()), password);
    if (!key) return setStatus(status, d.errorPassword ?? '', true);
    // The key must belong to the registered certificate: compare the RSA modulus before sending anything.
    if (modulusHex(key) !== (d.modulus ?? '').replace(/^0+/, '')) {
      return setStatus(status, d.errorMismatch ?? '', true);
    }
    if (button) button.disabled = true;
    setStatus(status, d.progress ?? '');
    try {
      const csrf = d.csrf ?? '';
      const base = d.base ?? '';
      const started = await post(`${base}/iniciar`, csrf, {});
      const cadena = String(started.cadena);
      const sello = signText(key, cadena);
      const sealed = await post(`${base}/sello`, csrf, { pendingId: started.pendingId, sello });
      const signature = signBase64(key, String(sealed.signedAttributes));
      const done = await post(`${base}/completar`, csrf, { pendingId: started.pendingId, signature });
      window.location.assign(String(done.redirect));
    } catch (err) {
      setStatus(status, (err as Error).message, true);
      if (button) button.disabled = false;
    }
  });
}
