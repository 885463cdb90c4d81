/** A span of text that names, or points at, one person. */
export interface PersonReference {
  text: string;
  start: number;
  end: number;
}

/**
 * Words that end a capitalised pair which is a place, a building or an event, not a person:
 * "Victoria Park", "George Street", "Grace Hall". A first name followed by one of these is not a
 * name.
 */
const PLACE_WORDS = new Set(
  (
    'street road lane avenue close drive way walk place square crescent terrace gardens grove ' +
    'court hill rise row park green common field fields wood woods bridge gate mews parade ' +
    'centre center hall house library school academy college church chapel club surgery ' +
    'hospital station market estate ward district borough council city town village primary ' +
    'nursery pool baths theatre museum arena stadium ground recreation memorial day week fair ' +
    'festival trust fund community youth services service team depot tip cemetery crematorium'
  ).split(' '),
);

/**
 * Common first names in England and Wales (ONS baby names and census surnames' forenames, all
 * generations, several communities). A capitalised word after one of these is read as a
 * surname unless it is a place word. Names that are mostly place or month words (April, May,
 * June, Chester, Victoria on its own) are left out.
 */
const FIRST_NAMES = new Set(
  (
    'john james david michael robert william richard thomas christopher paul mark andrew peter ' +
    'stephen ian kevin gary steven anthony daniel matthew simon alan martin neil jason lee brian ' +
    'graham colin keith barry stuart craig darren adam ben benjamin jack harry oliver charlie ' +
    'george noah leo oscar freddie arthur alfie henry archie joshua samuel sam joseph josh ' +
    'luke ryan liam connor callum kieran jamie dylan ethan tyler lewis nathan aaron sean ' +
    'mohammed muhammad mohammad ahmed ali hassan hussain omar yusuf ibrahim imran tariq asif ' +
    'raj sanjay amit rahul arjun vikram sunil anil ravi deepak kwame kofi emeka chinedu tunde ' +
    'mary patricia linda barbara elizabeth susan margaret sarah karen nancy lisa helen sandra ' +
    'donna carol ruth sharon michelle laura emily emma amelia olivia isla ava sophia sophie ' +
    'grace lily isabella ella mia chloe jessica lucy hannah rebecca rachel charlotte katie ' +
    'amy claire jennifer julie joanne nicola louise gemma kelly natalie zoe megan holly ' +
    'ellie freya poppy evie daisy ruby phoebe alice florence maryam fatima aisha ayesha ' +
    'zainab khadija amina noor priya anjali sunita neha pooja deepa kavita asha shreya ' +
    'agnieszka katarzyna anna maria magdalena piotr krzysztof tomasz marek jan ' +
    'dorothy joan jean joyce irene janet pauline brenda valerie sheila maureen eileen ' +
    'gwen bronwen sian rhys dafydd gareth owain huw cerys ffion'
  ).split(' '),
);

const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?`;
/** A capitalised word, with O’Neil, McDonald, Smith-Jones and a possessive ’s allowed. */
const CAPITALISED = String.raw`[A-Z](?:['’][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Za-z]+)?`;
/** A title and one or two capitalised words: "Mrs Patel", "Mr John Smith", "Dr. O'Neil". */
const TITLED = new RegExp(String.raw`\b${TITLE}\s+${CAPITALISED}(?:\s+${CAPITALISED})?`, 'g');
/** Two capitalised words: kept when the first is a first name and the second no place word. */
const PAIR = new RegExp(String.raw`\b(${CAPITALISED})\s+(${CAPITALISED})\b`, 'g');
/** Third-person pronouns and "the resident": a particular person, unlike "you" or "residents". */
const POINTER = /\b(?:he|she|him|his|her|hers|himself|herself|(?:the|a|this) resident)\b/gi;

/** Names: a title and a name, or a known first name and a surname. */
export function findNames(text: string): PersonReference[] {
  const titled = [...text.matchAll(TITLED)]
    .filter((m) => !namesAPlace(m[0], text.slice(m.index + m[0].length)))
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const paired = [...text.matchAll(PAIR)]
    .filter(
      (m) =>
        FIRST_NAMES.has(m[1].toLowerCase()) &&
        !PLACE_WORDS.has(possessive(m[2]).toLowerCase()) &&
        !namesAPlace(m[0], text.slice(m.index + m[0].length)),
    )
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const overlaps = (a: PersonReference) => titled.some((t) => a.start < t.end && t.start < a.end);
  return [...titled, ...paired.filter((p) => !overlaps(p))].sort((a, b) => a.start - b.start);
}

/** Names and the pronouns that point at one person. */
export function findPersonReferences(text: string): PersonReference[] {
  const pointers = [...text.matchAll(POINTER)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  return [...findNames(text), ...pointers].sort((a, b) => a.start - b.start);
}

/**
 * "Mr Smith Road" and "Dr Gray Surgery, ..." are places named after people, not people: a
 * titled name whose last or next word is a place word does not count.
 */
function namesAPlace(name: string, after: string): boolean {
  const words = name.split(/\s+/);
  const next = /^\s+([A-Za-z]+)/.exec(after)?.[1] ?? '';
  return [words.length === 3 ? words[2] : '', next].some((word) =>
    PLACE_WORDS.has(possessive(word).toLowerCase()),
  );
}

const possessive = (word: string) => word.replace(/['’]s$/, '');

/** Words between two spans of text (0 when they touch or overlap). */
export function wordsBetween(
  text: string,
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  if (second.start <= first.end) return 0;
  return text
    .slice(first.end, second.start)
    .split(/\s+/)
    .filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

/** Whether a sentence ends between two spans: context does not carry across sentences. */
export function sameSentence(
  text: string,
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return !/[.!?]\s|\n/.test(text.slice(first.end, second.start));
}
