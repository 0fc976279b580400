"""Helpers for writing gold passages by hand: passages are cut from the Wikinews dev article texts (headline
plus the first n sentences, unchanged) and spans are found in them."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('LAGEBILD_DATA', os.path.join(HERE, '..', '..', 'shared', 'data'))
rows = {str(json.loads(l)['id']): json.loads(l) for l in open(os.path.join(DATA, 'wikinews-spkatt', 'news-dev.jsonl'))}


def cutn(body, n):
    ends = [m.end() for m in re.finditer(r'[.!?](?=\s|$)', body)]
    return body[:ends[n - 1]]


def passage(rid, first_sentences):
    r = rows[str(rid)]
    title = r['title']
    body = r['text'][len(title):].lstrip('\n')
    return r, title + '\n\n' + cutn(body, first_sentences)


def span(text, sub, nth=1):
    i = -1
    for _ in range(nth):
        i = text.find(sub, i + 1)
        if i < 0:
            sys.exit(f'not found: {sub!r}')
    return [i, i + len(sub)]


def event_rows(text, events):
    """Events as (type, mode, source, target, trigger, nth occurrence, modality, optional[, note])."""
    out = []
    for v in events:
        typ, mode, src, tgt, trig, nth, mod, opt = v[:8]
        d = dict(type=typ, mode=mode, source=src, target=tgt, trigger=trig, trigger_span=span(text, trig, nth), modality=mod)
        if opt:
            d['optional'] = True
        if len(v) > 8:
            d['note'] = v[8]
        out.append(d)
    return out
