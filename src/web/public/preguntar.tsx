import type { Context } from 'hono';
import { Hono } from 'hono';
import { ANONYMOUS } from '../../domain/actor.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  type AskAnswer,
  type AskResult,
  answerQuestion,
  figureText,
  MAX_QUESTION_LENGTH,
} from '../../services/ask/answer-question.ts';
import { CsrfField } from '../components/form.tsx';
import { QuestionBox } from '../components/question-box.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';

const PREFILL = '/solicitud/nueva/prellenar';

function Answer({ a, t }: { a: AskAnswer; t: Translate }) {
  return (
    <div class="panel">
      <p class="lead">
        <strong>{a.text}</strong>
      </p>
      <p>{t('ask.definition', { definition: a.definition })}</p>
      {a.notes.length > 0 ? (
        <ul class="muted">
          {a.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      {a.table.length > 1 ? (
        <table class="table">
          <caption>{t('ask.table_caption', { indicator: a.indicatorName, place: a.geoName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.page.col.year')}</th>
              <th scope="col" class="num">
                {t('stats.page.col.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.table.map((r) => (
              <tr aria-current={r.year === a.year ? 'true' : undefined}>
                <th scope="row">{r.year === a.year ? <strong>{r.year}</strong> : r.year}</th>
                <td class="num">{r.value === null ? t('stats.page.not_available') : figureText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function Understood({ r, t, stateName }: { r: AskResult; t: Translate; stateName: string }) {
  const u = r.understood;
  const places = u.placeDefaulted
    ? t('ask.understood.place_default', { state: stateName })
    : [
        ...u.places.map((p) => p.name),
        ...u.ambiguous.map((a) => `«${a.mentioned}» (${a.candidates.map((c) => c.name).join(' · ')})`),
        ...u.outside,
      ].join(', ') || t('ask.understood.none');
  return (
    <section aria-labelledby="entendido">
      <h2 id="entendido">{t('ask.understood_heading')}</h2>
      <dl class="summary-list">
        <div>
          <dt>{t('ask.understood.indicator')}</dt>
          <dd>{u.indicators.map((i) => i.name).join(', ') || t('ask.understood.none')}</dd>
        </div>
        <div>
          <dt>{t('ask.understood.place')}</dt>
          <dd>{places}</dd>
        </div>
        <div>
          <dt>{t('ask.understood.year')}</dt>
          <dd>{u.yearDefaulted ? t('ask.understood.year_default') : u.years.join(', ')}</dd>
        </div>
        {u.unknownWords.length > 0 ? (
          <div>
            <dt>{t('ask.understood.not_understood')}</dt>
            <dd>{u.unknownWords.map((w) => `«${w}»`).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {u.corrections.length > 0 ? (
        <p class="hint">{u.corrections.map((c) => t('ask.understood.correction', c)).join(' ')}</p>
      ) : null}
    </section>
  );
}

/** The hidden fields the request journey is prefilled with. */
function RequestFields({ r }: { r: AskResult }) {
  return (
    <>
      {r.request.indicators.map((id) => (
        <input type="hidden" name="indicators" value={id} />
      ))}
      {r.request.geo ? <input type="hidden" name="geo" value={r.request.geo} /> : null}
      {r.request.years.map((y) => (
        <input type="hidden" name="years" value={String(y)} />
      ))}
      {r.request.otherText ? <input type="hidden" name="otherText" value={r.request.otherText} /> : null}
    </>
  );
}

function preguntarPage(c: Context<AppEnv>) {
  const { t, locale, deps } = c.var;
  const q = (c.req.query('q') ?? '').slice(0, MAX_QUESTION_LENGTH * 2);
  const r = q.trim() ? answerQuestion(deps, ANONYMOUS, { q, locale }) : null;
  const stateName = deps.stats.geographies('state')[0]?.name ?? deps.config.agency.stateName;
  const title = r ? `${r.question} · ${t('ask.page.title')}` : t('ask.page.title');
  return renderPage(
    c,
    { title },
    <>
      <h1>{t('ask.page.title')}</h1>
      <p class="lead">{t('ask.page.lead')}</p>
      <QuestionBox t={t} value={q} headingLevel={1} />
      {r && r.answers.length > 0 ? (
        <section aria-labelledby="respuesta">
          <h2 id="respuesta">{t('ask.answer_heading')}</h2>
          {r.answers.map((a) => (
            <Answer a={a} t={t} />
          ))}
          <p class="hint">{t('ask.consult_note')}</p>
          <form method="post" action={PREFILL} id="solicitar">
            <CsrfField token={c.var.csrfToken} />
            <RequestFields r={r} />
            <button type="submit" class="button button--start">
              {t('ask.request_button')}
            </button>
            <p class="hint">{t('ask.request_hint')}</p>
          </form>
          <Understood r={r} t={t} stateName={stateName} />
        </section>
      ) : null}
      {r && r.answers.length === 0 ? (
        <section aria-labelledby="sin-respuesta">
          <div class="notice" role="status">
            <h2 id="sin-respuesta">{t('ask.unanswered_heading')}</h2>
            <p>{r.reasonText}</p>
          </div>
          <Understood r={r} t={t} stateName={stateName} />
          {r.suggestions.length > 0 ? (
            <>
              <h2>{t('ask.suggestions_heading')}</h2>
              <ul class="ask-suggestions">
                {r.suggestions.map((s) => (
                  <li>
                    <a href={`/preguntar?q=${encodeURIComponent(s.question)}`}>{s.question}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('ask.other_heading')}</h2>
          <p>{t('ask.other_text', { agency: deps.config.agency.shortName })}</p>
          <form method="post" action={PREFILL} id="solicitar">
            <CsrfField token={c.var.csrfToken} />
            <RequestFields r={r} />
            <button type="submit" class="button button--secondary">
              {t('ask.other_button')}
            </button>
          </form>
        </section>
      ) : null}
    </>,
  );
}

export const preguntarRoutes = new Hono<AppEnv>().get('/preguntar', preguntarPage);
