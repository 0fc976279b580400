/**
 * The event filter bar shared by the timeline, the map and the network: type, modality, actor, country
 * and date range. Changing a filter changes the address, so every filtered view can be bookmarked.
 */
import { getSummary, type Params } from './api.js';
import { field, h, route, select } from './dom.js';

export const EVENT_FILTERS = ['type', 'modality', 'actor', 'country', 'from', 'to'] as const;

/** The filters in the address, as API parameters. */
export function eventParams(params: URLSearchParams): Params {
  const out: Params = {};
  for (const name of EVENT_FILTERS) out[name] = params.get(name);
  return out;
}

export async function eventFilterBar(view: string, params: URLSearchParams): Promise<HTMLElement> {
  const { vocabulary } = await getSummary();
  const form = h('form', { class: 'filters', 'aria-label': 'Filter', 'data-testid': 'filters' });
  const any: [string, string] = ['', 'alle'];
  const actor = h('input', {
    name: 'actor',
    type: 'text',
    value: params.get('actor') ?? '',
    placeholder: 'z. B. BLRGOV oder Lukaschenko',
  });
  const from = h('input', { name: 'from', type: 'date', value: params.get('from') ?? '' });
  const to = h('input', { name: 'to', type: 'date', value: params.get('to') ?? '' });
  form.append(
    field(
      'Ereignistyp',
      select('type', [any, ...vocabulary.types.map((t): [string, string] => [t, t])], params.get('type')),
    ),
    field(
      'Modalität',
      select('modality', [any, ...vocabulary.modalities.map((m): [string, string] => [m, m])], params.get('modality')),
    ),
    field('Akteur', actor),
    field(
      'Land',
      select('country', [any, ...vocabulary.countries.map((c): [string, string] => [c, c])], params.get('country')),
    ),
    field('von', from),
    field('bis', to),
    h('button', { type: 'submit' }, 'Anwenden'),
    h('a', { href: route(view) }, 'zurücksetzen'),
  );
  const apply = (): void => {
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const name of EVENT_FILTERS) {
      const v = String(data.get(name) ?? '').trim();
      if (v) next[name] = v;
    }
    location.hash = route(view, next);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  // Selects apply at once; text and dates on Enter or the button.
  for (const el of form.querySelectorAll('select')) el.addEventListener('change', apply);
  return form;
}
