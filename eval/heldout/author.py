"""The held-out event gold set, written by hand like the development set (eval/dev/) but never used to
develop rules: six further Wikinews dev passages, events only, annotated before the system's output on them
was looked at. Report on it once per change of the event coder; do not tune on it.
Run: python3 eval/heldout/author.py"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from gold_passages import passage, event_rows  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
out = []


def case(rid, n, events):
    r, text = passage(rid, n)
    out.append({'id': f'wikinews-{rid}', 'published': r['published'], 'lang': 'de', 'source': r['url'],
                'text': text, 'events': event_rows(text, events)})


# 1 Arrest of two suspected al-Qaida members in Mainz (2005)
case(2745, 5, [
    ('COERCE', 'arrest', 'DEUCOP', None, 'Festnahme', 1, 'asserted', False),
    ('COERCE', 'arrest', 'DEUCOP', None, 'festgenommen', 1, 'asserted', False),
    ('ACCUSE', 'allege', None, None, 'beschuldigt', 1, 'asserted', False),
    ('ACCUSE', 'investigate', 'DEUCOP', None, 'überwacht', 1, 'asserted', True),
    ('ACCUSE', 'investigate', 'DEUJUD', None, 'Verfahrens', 1, 'asserted', True),
    ('ACCUSE', 'investigate', 'DEUCOP', None, 'Ermittlungen', 1, 'asserted', False),
    ('ASSAULT', 'suicide-attack', None, None, 'Selbstmordattentat', 1, 'planned', True),
    ('ACCUSE', None, None, None, 'vorgeführt', 1, 'planned', True),
])
# 2 Eighth night of riots in the Paris suburbs (2005)
case(15510, 5, [
    ('PROTEST', 'riot', 'FRACVL', None, 'Ausschreitungen', 1, 'asserted', False),
    ('PROTEST', 'riot', 'FRACVL', None, 'Ausschreitungen', 2, 'asserted', True),
    ('ASSAULT', None, None, None, 'Auseinandersetzungen', 1, 'asserted', True),
    ('ASSAULT', 'destroy', 'FRACVL', None, 'Feuer', 1, 'asserted', False),
    ('ASSAULT', 'destroy', None, None, 'zerstört', 1, 'alleged', False),
    ('ASSAULT', None, 'FRACVL', None, 'geworfen', 1, 'asserted', False),
])
# 3 Haditha: US soldiers accused of a war crime (2006)
case(27575, 5, [
    ('ASSAULT', None, 'USAMIL', 'IRQCVL', 'Kriegsverbrechen', 1, 'asserted', False),
    ('ACCUSE', 'investigate', 'USAMIL', None, 'Untersuchung', 1, 'asserted', False),
    ('ASSAULT', None, None, None, 'Kriegsverbrechen', 2, 'asserted', True),
    ('ASSAULT', 'firearms', 'USAMIL', 'IRQCVL', 'erschossen', 1, 'asserted', False),
    ('ASSAULT', 'firearms', None, None, 'Erschießungen', 1, 'alleged', True),
    ('ACCUSE', 'allege', 'USALEG', 'USAMIL', 'Vorwürfe', 1, 'asserted', False),
    ('ASSAULT', None, 'USAMIL', 'IRQCVL', 'getötet', 1, 'alleged', False),
    ('ACCUSE', None, 'USA', 'USAMIL', 'Anklage', 1, 'hypothetical', False),
])
# 4 Lebanon and Israel accept the UN ceasefire resolution (2006)
case(31406, 5, [
    ('RETREAT', 'ceasefire', None, None, 'Waffenstillstand', 1, 'hypothetical', False),
    ('REQUEST', None, 'UNO', None, 'Resolution', 1, 'asserted', True),
    ('CONSULT', None, None, None, 'Beratungen', 1, 'asserted', True),
    ('AGREE', None, None, None, 'Annahme', 1, 'asserted', False),
    ('REQUEST', None, 'UNO', None, 'geforderten', 1, 'asserted', True),
    ('RETREAT', 'ceasefire', None, None, 'Waffenstillstandes', 1, 'planned', True),
    ('AGREE', None, None, None, 'Zustimmung', 1, 'hypothetical', True),
    ('RETREAT', 'ceasefire', None, None, 'Waffenruhe', 1, 'hypothetical', True),
    ('MOBILIZE', 'troops', 'UNO', None, 'Stationierung', 1, 'hypothetical', True),
    ('AGREE', None, 'LBNGOV', 'UNO', 'Zustimmung', 2, 'asserted', False),
    ('AGREE', None, 'ISRGOV', 'UNO', 'stimmte', 1, 'asserted', False),
    ('AGREE', None, 'ISRGOV', None, 'Zustimmung', 3, 'hypothetical', True),
    ('RETREAT', 'ceasefire', None, None, 'Waffenruhe', 2, 'hypothetical', True),
])
# 5 The Canadian parliament rejects extending the anti-terror laws (2007)
case(38693, 4, [
    ('REJECT', None, 'CANLEG', 'CANGOV', 'lehnt', 1, 'asserted', False),
    ('REJECT', None, 'CANLEG', 'CANGOV', 'abgelehnt', 1, 'asserted', False),
    ('ASSAULT', None, None, 'USA', 'Terroranschläge', 1, 'asserted', True),
    ('COERCE', 'arrest', None, None, 'festzuhalten', 1, 'hypothetical', False,
     'must NOT be output as an asserted event: what the laws allow'),
])
# 6 Unrest in Kashmir: hostages and a shoot-out (2008)
case(52410, 5, [
    ('PROTEST', 'riot', 'INDCVL', None, 'Unruhen', 1, 'asserted', False),
    ('PROTEST', 'riot', 'INDCVL', None, 'Unruhen', 2, 'asserted', True),
    ('ASSAULT', 'abduct', 'INDREB', None, 'Geiseln', 1, 'asserted', False),
    ('ASSAULT', 'firearms', 'INDREB', 'INDCOP', 'Schusswechsel', 1, 'asserted', False),
])

with open(os.path.join(HERE, 'wikinews-heldout-gold.jsonl'), 'w') as f:
    for g in out:
        f.write(json.dumps(g, ensure_ascii=False) + '\n')
print(len(out), 'passages,', sum(len([e for e in g['events'] if not e.get('optional')]) for g in out), 'required events')
