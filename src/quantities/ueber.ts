/** "über" before a number: "more than", unless the verb takes an "über" phrase. */

/** Verbs that take an "über" phrase: after them "über" is a preposition, not "more than". */
export const UEBER_VERBS = new Set([
  'verfügen',
  'berichten',
  'sprechen',
  'reden',
  'diskutieren',
  'informieren',
  'entscheiden',
  'verhandeln',
  'beraten',
  'klagen',
  'streiten',
  'schreiben',
  'abstimmen',
  'urteilen',
  'freuen',
  'beschweren',
]);
