import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../src/i18n/index.ts';

// One voice on the public side: the service speaks to people as «tú» (GOV.MX / GOV.UK plain
// language). Staff screens, the CLI and the oficio (a formal letter) keep their own register and are
// outside this scan.
const es = CATALOGS['es-MX'] as Record<string, string>;

/** Keys people outside the agency read: pages, the request journey, their e-mails and files. */
const PUBLIC = [
  'app.',
  'layout.',
  'home.',
  'status.',
  'error.',
  'portal.',
  'reuse.',
  'privacy.arco.',
  'privacy.err.confirm_required',
  'verify.',
  'stats.',
  'results.public.',
  'mail.',
  'data.',
  'map.',
  'chart.',
  'journey.',
  'files.',
  'zip.',
  'polygon.',
  'profiles.',
  'ask.',
];
/** Inside those prefixes, what only staff read. */
const STAFF = [
  'mail.admin',
  'mail.alert',
  'mail.ready_for_signature',
  'error.not_found.outbox_job',
  'error.not_found.mail',
];

const publicKeys = Object.keys(es).filter(
  (k) => PUBLIC.some((p) => k.startsWith(p)) && !STAFF.some((p) => k.startsWith(p)),
);

/** «usted» forms: the pronoun, «su solicitud», and the formal imperatives people are told to do. */
const USTED = [
  /\busted(es)?\b/i,
  /\bsu solicitud\b/i,
  /\b(su|sus) datos personales\b/i,
  /\ble (responderemos|informamos|enviaremos|pedimos)\b/i,
  /¿necesita\b/i,
  /\b(revise|continúe|haga|consulte|verifique|ingrese|escriba|seleccione|elija|descargue|intente|vuelva|espere|utilice|indique|proporcione|comuníquese|envíe|llene|capture|marque|pulse|presione|confirme|agregue|cambie|corrija|solicite|pida|guarde|abra|compruebe|suba|adjunte|conserve|lea|busque|desea|regrese|acceda|registre|anote)\b/i,
];

describe('public texts speak as «tú»', () => {
  it('covers the public catalogs (a scan of nothing would pass)', () => {
    expect(publicKeys.length).toBeGreaterThan(300);
    expect(publicKeys).toContain('reuse.similar.lead');
    expect(publicKeys).toContain('portal.home.what_title');
    expect(publicKeys).toContain('journey.open.body');
    expect(publicKeys).toContain('ask.reason.empty');
  });

  it('the patterns catch usted forms', () => {
    const hits = (text: string) => USTED.some((re) => re.test(text));
    expect(hits('Antes de continuar, revise si esto ya responde su pregunta')).toBe(true);
    expect(hits('Si no es lo que busca, continúe con su solicitud.')).toBe(true);
    expect(hits('¿Necesita algo distinto? Haga una solicitud')).toBe(true);
    expect(hits('Usted puede acceder a sus datos personales')).toBe(true);
    expect(hits('Antes de continuar, revisa si esto ya responde tu pregunta')).toBe(false);
  });

  it('no public message uses usted', () => {
    const found = publicKeys.filter((k) => USTED.some((re) => re.test(es[k]!))).map((k) => `${k}: ${es[k]}`);
    expect(found).toEqual([]);
  });
});
