"""The development gold set as written by hand: passages are cut from the Wikinews dev article texts,
spans are found in them, and wikinews-dev-gold.jsonl is written. Run: python3 eval/dev/author.py"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('LAGEBILD_DATA', os.path.join(HERE, '..', '..', '..', 'shared', 'data'))
rows={str(json.loads(l)['id']):json.loads(l) for l in open(os.path.join(DATA, 'wikinews-spkatt', 'news-dev.jsonl'))}
def passage(rid, first_sentences):
    r=rows[str(rid)]; t=r['text']
    title=r['title']; body=t[len(title):].lstrip('\n')
    # body sentences: cut after the n-th sentence end
    return r, title+'\n\n'+cutn(body, first_sentences)
def cutn(body,n):
    import re
    ends=[m.end() for m in re.finditer(r'[.!?](?=\s|$)', body)]
    return body[:ends[n-1]]
def span(text, sub, nth=1):
    i=-1
    for _ in range(nth):
        i=text.find(sub,i+1)
        if i<0: sys.exit(f'not found: {sub!r}')
    return [i,i+len(sub)]
out=[]
def case(rid, n, quotes, quantities, times, entities, events):
    r,text=passage(rid,n)
    g={'id':f"wikinews-{rid}",'published':r['published'],'lang':'de','source':r['url'],'text':text}
    g['quotes']=[dict(kind=q[0],content=q[1],span=span(text,q[1],q[4] if len(q)>4 else 1),speaker=q[2],**({'optional':True} if q[3] else {})) for q in quotes]
    g['quantities']=[dict(text=q[0],span=span(text,q[0],q[6] if len(q)>6 else 1),value=q[1],bound=q[2],unit=q[3],counted=q[4],category=q[5]) for q in quantities]
    g['times']=[dict(text=x[0],span=span(text,x[0],x[3] if len(x)>3 else 1),value=x[1],type=x[2]) for x in times]
    g['entities']=[dict(name=e[0],type=e[1],aliases=e[2],**({'optional':True} if len(e)>3 and e[3] else {})) for e in entities]
    evs=[]
    for v in events:
        typ,mode,src,tgt,trig,nth,mod,opt=v
        d=dict(type=typ,mode=mode,source=src,target=tgt,trigger=trig,trigger_span=span(text,trig,nth),modality=mod)
        if opt: d['optional']=True
        evs.append(d)
    g['events']=evs
    out.append(g)

# 1 Ethiopia
case(6028, 5,
 [('indirect','befinden sich im „Black Lion Hospital“ in Addis Abeba zahlreiche Menschen, die bei den Zusammenstößen verletzt wurden',None,True),
  ('indirect','Behandelt würden vor allem Schussverletzungen',None,True)],
 [('mindestens 22 Menschen',22,'atLeast','persons','Mensch','KILL')],
 [('seit drei Tagen','P3D','DURATION')],
 [('Äthiopien','LOC',['Äthiopien','Äthiopiens']),('Addis Abeba','LOC',['Addis Abeba']),
  ('Koalition für Einheit und Entwicklung','ORG',['CUD','Koalition für Einheit und Entwicklung']),
  ('Black Lion Hospital','LOC',['Black Lion Hospital'],True)],
 [('PROTEST','demo','ETHCVL',None,'Protesten',1,'asserted',False),
  ('PROTEST','demo','ETHCVL',None,'Protesten',2,'asserted',True),
  ('ASSAULT','firearms','ETHCOP','ETHCVL','Feuer',1,'asserted',False),
  ('ASSAULT',None,None,'ETHCVL','verletzt',1,'asserted',False),
  ('ASSAULT',None,None,None,'Zusammenstößen',1,'asserted',True),
  ('PROTEST','demo','ETHOPP','ETHGOV','demonstrieren',1,'asserted',False),
  ('ACCUSE','allege','ETHGOV','ETHOPP','verantwortlich',1,'asserted',False)])
# 2 Cairo
case(9686, 6, [],
 [('Etwa 200 Menschen',200,'approx','persons','Mensch','PROTEST')],
 [('Am Samstag','2005-07-30','DATE'),('1981','1981','DATE'),('am Donnerstag','2005-07-28','DATE'),('im September','2005-09','DATE'),('am 7. September','2005-09-07','DATE')],
 [('Kairo','LOC',['Kairo']),('Muhammad Husni Mubarak','PER',['Mubarak','Muhammad Husni Mubarak']),('Anwar as-Sadat','PER',['Anwar as-Sadats','Anwar as-Sadat']),('Ägypten','LOC',['Ägypten'])],
 [('PROTEST','demo','EGYOPP',None,'Kundgebung',1,'asserted',False),
  ('COERCE','restrict','EGYCOP','EGYOPP','beendet',1,'asserted',False),
  ('PROTEST','demo','EGYOPP',None,'Kundgebung',2,'asserted',True),
  ('COERCE','restrict','EGYCOP','EGYOPP','beendet',2,'asserted',True),
  ('ASSAULT','beat','EGYCOP','EGYCVL','schlugen',1,'asserted',False),
  ('ASSAULT','targeted',None,'EGYGOV','Ermordung',1,'asserted',True),
  ('COERCE','martial-law','EGYGOV',None,'Ausnahmezustand',1,'asserted',True),
  ('PROTEST','demo','EGYCVL','EGYGOV','Marsch',1,'planned',True),
  ('PROTEST','demo','EGYCVL','EGYGOV','demonstrieren',1,'planned',False)])
# 3 Myanmar
case(44357, 7,
 [('indirect','liefen hunderte Mönche um die Shwedagon-Pagode, das religiöse Zentrum Myanmars in der früheren Hauptstadt Rangun','BBC News',True),
  ('indirect','sich die Regierung für das gewaltsame Vorgehen der Sicherheitskräfte bei einer Demonstration gegen den Benzinpreisschock entschuldigt','Mönche',False),
  ('indirect','Soldaten laut „Reuters“ Warnschüsse in Richtung der Mönche abgegeben und manche von ihnen geschlagen haben','Reuters',True)],
 [('hunderte Mönche',None,'approx','persons','Mönch','PROTEST')],
 [('heute','2007-09-20','DATE'),('seit zwei Tagen','P2D','DURATION'),('im letzten Monat','2007-08','DATE'),('vor zwei Wochen','2007-W36','DATE')],
 [('Myanmar','LOC',['Myanmar','Myanmars']),('BBC News','ORG',['BBC News']),('Shwedagon-Pagode','LOC',['Shwedagon-Pagode']),('Rangun','LOC',['Rangun']),('Reuters','ORG',['Reuters'])],
 [('PROTEST','demo','MMRREL','MMRGOV','protestieren',1,'asserted',False),
  ('PROTEST','demo','MMRREL','MMRGOV','Proteste',1,'asserted',True),
  ('PROTEST','demo','MMRREL',None,'liefen',1,'asserted',True),
  ('RETREAT','access','MMRGOV','MMRREL','erlaubt',1,'asserted',True),
  ('PROTEST','demo','MMRREL',None,'Proteste',3,'asserted',True),
  ('REQUEST',None,'MMRREL','MMRGOV','verlangen',1,'asserted',False),
  ('PROTEST','demo','MMRCVL',None,'Demonstration',1,'asserted',True),
  ('PROTEST','demo','MMRREL',None,'Demonstration',2,'asserted',False),
  ('ASSAULT','firearms','MMRMIL','MMRREL','Warnschüsse',1,'asserted',False),
  ('ASSAULT','beat','MMRMIL','MMRREL','geschlagen',1,'asserted',False),
  ('SUPPORT',None,'MMRGOV','MMRREL','entschuldigt',2,'negated',False)])
# 4 Thailand
case(52546, 6, [],
 [('mehr als fünf Personen',5,'moreThan','persons','Person','OTHER')],
 [('am Wochenende','2008-W35-WE','DATE'),('gestern','2008-09-02','DATE')],
 [('Thailand','LOC',['Thailand']),('Samak Sundaravej','PER',['Samak Sundaravej','Sundaravej']),('Thaksin Shinawatra','PER',['Thaksin Shinawatra'])],
 [('COERCE','martial-law','THAGOV',None,'Ausnahmezustandes',1,'asserted',True),
  ('PROTEST','demo','THACVL','THAGOV','Massenproteste',1,'asserted',False),
  ('PROTEST','obstruct','THACVL','THAGOV','Besetzung',1,'asserted',False),
  ('REQUEST','change','THACVL','THAGOV','gefordert',1,'asserted',False),
  ('PROTEST','demo','THACVL',None,'Protesten',1,'asserted',True),
  ('COERCE','martial-law','THAGOV','THACVL','Ausnahmezustand',2,'asserted',False),
  ('COERCE','restrict','THAGOV','THACVL','untersagt',1,'asserted',False),
  ('COERCE','censor','THAGOV','THAMED','schränkt',1,'asserted',False),
  ('PROTEST','obstruct','THACVL','THAGOV','Besetzung',2,'asserted',True)])
# 5 Spain
case(64973, 6,
 [('indirect','werden die Fluglotsen mit dieser Maßnahme dem Militärrecht unterstellt','Alfredo Pérez Rubalcaba',False)],
 [('Acht Flughäfen',8,'exact',None,'Flughafen','OTHER')],
 [('am Freitagabend','2010-12-03TEV','TIME'),('gestern','2010-12-03','DATE')],
 [('Spanien','LOC',['Spanien']),('Alfredo Pérez Rubalcaba','PER',['Alfredo Pérez Rubalcaba','Rubalcaba'])],
 [('PROTEST','strike','ESPLAB','ESPGOV','Fluglotsenstreik',1,'asserted',False),
  ('COERCE','martial-law','ESPGOV','ESPLAB','Alarmzustand',1,'asserted',False),
  ('COERCE','seize','ESPMIL',None,'übernommen',1,'asserted',True),
  ('CONSULT','multilateral','ESPGOV',None,'Kabinettssitzung',1,'asserted',True),
  ('COERCE','martial-law','ESPGOV','ESPLAB','Alarmzustand',2,'asserted',True),
  ('COERCE','restrict','ESPGOV','ESPLAB','unterstellt',1,'asserted',True),
  ('SANCTION','convict','ESPJUD','ESPLAB','Gefängnisstrafe',1,'hypothetical',False),
  ('PROTEST','strike','ESPLAB',None,'Streiks',1,'asserted',True),
  ('PROTEST','strike','ESPLAB',None,'Streiks',2,'asserted',True)])
# 6 China
case(75792, 4,
 [('indirect','22 Zivilisten und 2 Polizisten durch die Demonstranten getötet wurden, während die Polizei 11 Demonstranten tötete und 4 verletzt festnahm',None,True)],
 [('Dutzende Tote',None,'approx','persons','Tote','KILL'),('35 Personen',35,'exact','persons','Person','KILL'),('vier weitere',4,'exact','persons',None,'WOUND'),
  ('neun Sicherheitsbeamte',9,'exact','persons','Sicherheitsbeamte','KILL'),('acht Zivilisten',8,'exact','persons','Zivilist','KILL'),
  ('zehn mutmaßliche Angreifer',10,'exact','persons','Angreifer','KILL'),('22 Zivilisten',22,'exact','persons','Zivilist','KILL'),
  ('2 Polizisten',2,'exact','persons','Polizist','KILL'),('11 Demonstranten',11,'exact','persons','Demonstrant','KILL'),('4',4,'exact','persons',None,'ARREST')],
 [('am Mittwoch','2013-06-26','DATE'),('26.06','2013-06-26','DATE'),('am Mittwochmorgen','2013-06-26TMO','TIME')],
 [('China','LOC',['China','Chinas']),('Xinjiang','LOC',['Xinjiang']),('Lukeqin','LOC',['Lukeqin']),('Piqan','LOC',['Piqan']),('Turpan','LOC',['Turpan']),
  ('Uigurisches Autonomes Gebiet Xinjiang','LOC',['Uigurischen Autonomen Gebiet Xinjiang','Uigurischen Autonomen Gebiet'],True)],
 [('PROTEST','riot','CHNCVL',None,'Unruhen',1,'asserted',False),
  ('PROTEST','riot','CHNCVL',None,'Unruhen',2,'asserted',True),
  ('ASSAULT',None,None,None,'getötet',1,'asserted',False),
  ('ASSAULT',None,None,None,'verletzt',1,'asserted',False),
  ('PROTEST','riot','CHNCVL',None,'Unruhen',3,'asserted',True),
  ('ASSAULT','primitive','CHNCVL','CHNCOP','angriff',1,'asserted',False),
  ('ASSAULT','primitive','CHNCVL','CHNCVL','erstochen',1,'alleged',False),
  ('ASSAULT','destroy','CHNCVL','CHNCOP','Brand',1,'alleged',False),
  ('ASSAULT',None,'CHNCVL','CHNCOP','getötet',2,'alleged',False),
  ('ASSAULT','firearms','CHNCOP','CHNCVL','Feuer',1,'asserted',False),
  ('ASSAULT','firearms','CHNCOP','CHNCVL','erschossen',1,'asserted',False),
  ('ASSAULT',None,'CHNCVL','CHNCVL','getötet',3,'asserted',False),
  ('ASSAULT',None,'CHNCOP','CHNCVL','tötete',1,'asserted',False),
  ('COERCE','arrest','CHNCOP','CHNCVL','festnahm',1,'asserted',False)])
with open(os.path.join(HERE, 'wikinews-dev-gold.jsonl'),'w') as f:
    for g in out: f.write(json.dumps(g,ensure_ascii=False)+'\n')
print(len(out), sum(len([e for e in g['events'] if not e.get('optional')]) for g in out))
