import type { journey as es } from '../es-MX/journey.ts';

export const journey: Record<keyof typeof es, string> = {
  'journey.step_count': 'Step {n} of {total}',
  'journey.indicators.filter_label': 'Search the list of indicators',
  'journey.indicators.filter_count': '{shown} of {total} indicators shown',
  'journey.place.title': 'Which area?',
  'journey.years.hint_one': 'These are the years with data for {indicator}. Tick one or more.',
  'journey.years.hint_many':
    'Tick one or more years. Next to each year we tell you which of the chosen indicators have data for it.',
  'journey.years.hint_none': 'Tick one or more years, or type others below.',
  'journey.years.all': 'With data for every indicator you chose',
  'journey.years.only': 'Only with data for: {indicators}',
  'journey.years.and_more': '{list} and {count} more',
  'journey.review.js_note':
    'To protect the service from automated submissions, your browser will solve a short check when you send.',
  'journey.review.no_js_note':
    'To protect the service from automated submissions, a request without JavaScript can only be sent once {seconds} seconds have passed since you started it.',
  'journey.review.working': 'Checking… the request will be sent in a moment.',
  'journey.err.wait':
    'For security, a request without JavaScript cannot be sent this fast. Wait {seconds} seconds and press “Send request” again; your answers are saved.',
  'journey.confirm.next_auto':
    'If we can answer with the official data available, the signed answer is usually ready within seconds: you will see it on your request’s page and receive it by e-mail. If we need to clarify something, we will write to you.',
  'journey.status.refreshing':
    'This page refreshes itself every {seconds} seconds while we prepare the automatic answer.',
  'journey.status.stop_refresh': 'Stop refreshing this page',
  'journey.status.changed': 'Your request changed status: {status}',
  'journey.clarify.deadline':
    'You have until {deadline} (10 working days) to answer. Meanwhile, the response deadline is paused.',
  'journey.clarify.after':
    'When you answer, the deadline resumes where it stopped and we continue with your request. If you do not answer in time, the request is closed and, if you still need the information, you will have to make a new one.',
  'journey.open.title': 'Open your request {folio}',
  'journey.open.body': 'Press the button to open your request. The link only works once.',
  'journey.open.button': 'Open my request',
  'journey.mail.clarification_deadline':
    'You have until {deadline} (10 working days) to answer. Until you answer, the response deadline is paused.',
  'journey.mail.clarification_after':
    'When you answer, the deadline resumes and we continue with your request. If you do not answer in time, the request is closed and, if you still need the information, you will have to make a new one.',
  'journey.mail.clarification_link':
    'The button opens your request directly. It works only once and expires on {deadline}; after that you can sign in from “My requests” with your e-mail.',
};
