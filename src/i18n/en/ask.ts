import type { ask as es } from '../es-MX/ask.ts';

export const ask: Record<keyof typeof es, string> = {
  'ask.citation': "{publisher}'s {work}",
  'ask.sentence.population': '{place} had {value} inhabitants in {year}, according to {source}.',
  'ask.sentence.generic': '{indicator} in {place} in {year}: {value}, according to {source}.',
  'ask.outside_state': '{name} (outside the catalog)',
  'ask.suggest.question': '{indicator} in {place}',
  'ask.suggest.question_mun': '{indicator} in the municipality of {place}',
  'ask.reason.empty': 'Type a question, for example: how many inhabitants does Toluca have?',
  'ask.reason.unknown_words':
    'I did not understand {words}: it is neither a place nor a figure of the catalog, so I do not answer with a guess.',
  'ask.reason.outside':
    '{place} is outside what this service covers: it has figures for the {state}, its regions, metropolitan areas and municipalities.',
  'ask.reason.ambiguous': '“{mentioned}” may be more than one place: {places}. Choose one.',
  'ask.reason.no_indicator': 'I found no figure in the catalog that answers this question.',
  'ask.reason.not_available': '{reason}',
  'ask.reason.suppressed': 'The figure is withheld for confidentiality.',
  'ask.reason.not_applicable': 'The place did not exist in that year.',
  'ask.reason.no_figure': 'There is no published figure for that place and year.',
  'ask.page.title': 'Ask for a figure',
  'ask.page.lead':
    'Type your question as you would say it: with or without accents, with the short name of the place and, if you like, the year. You get the official figure with its source; if you need it in a signed letter, request it with one click.',
  'ask.field.label': 'What figure are you looking for?',
  'ask.field.hint':
    'For example: population of Neza · marginalization grade of San Felipe del Progreso in 2015 · dwellings with internet in región Ixtlahuaca',
  'ask.submit': 'Ask',
  'ask.answer_heading': 'Answer',
  'ask.consult_note': 'Figure for reference. To use it officially, request the signed official answer.',
  'ask.definition': 'Definition: {definition}',
  'ask.table_caption': '{indicator}, {place}, by year',
  'ask.request_button': 'Receive this figure in a signed letter',
  'ask.request_hint':
    'Opens the request with the figure, the place and the year already chosen; only the format, your details and sending remain.',
  'ask.understood_heading': 'What I understood',
  'ask.understood.indicator': 'Figure',
  'ask.understood.place': 'Place',
  'ask.understood.year': 'Year',
  'ask.understood.place_default': '{state} (no place was named)',
  'ask.understood.year_default': 'The latest with data',
  'ask.understood.none': 'None',
  'ask.understood.correction': 'I read “{typed}” as “{read}”.',
  'ask.understood.not_understood': 'Words I did not understand',
  'ask.unanswered_heading': 'This question has no automatic answer',
  'ask.suggestions_heading': 'Are you looking for one of these?',
  'ask.other_heading': 'Ask a person',
  'ask.other_text':
    'Send your question as an “Other” request: the {agency} staff review it and answer with a signed letter.',
  'ask.other_button': 'Send this question as a request',
  'ask.box.heading': 'Ask for a figure',
  'ask.box.hint': 'For example: population of Neza · marginalization of Toluca 2015',
  'ask.api.invalid_q': 'Type a question (parameter q) of up to {max} characters.',
  'ask.openapi.summary': 'Answers a question written in Spanish with the official figure',
  'ask.openapi.description':
    'Reads the question (accents optional, short place names and small typos accepted) and answers with the catalog figure, its source and definition. When it cannot answer without guessing, answers is empty and it explains what it understood, with suggestions.',
  'ask.openapi.q': 'The question, e.g. “¿cuántos habitantes tiene Neza en 2010?”',
  'ask.openapi.request_url':
    'The question’s page (/preguntar?q=…), with the button that opens the prefilled request: the figure, the place and the years, or the question as an “Other” request.',
  'ask.openapi.text': 'The answer in one sentence, with its source.',
  'ask.openapi.table': 'The same indicator and place in its other years.',
  'ask.openapi.response': 'Answers, what was understood and suggestions',
};
