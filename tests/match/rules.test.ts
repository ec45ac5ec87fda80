// One test per rule of SPEC.md "Matching, exactly".
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/match/normalize.js';
import { tokenize } from '../../src/match/tokenize.js';
import { hitsFor, matchedText, oneTheme } from '../helpers/code.js';

const tokens = (text: string) => tokenize(normalize(text).text).map((t) => t.text);

describe('normalising and tokenising', () => {
  it('NFKC-normalises and lower-cases: full-width and ligature letters match plain ones', () => {
    expect(tokens('ＣＯＮＦＩＤＥＮＣＥ ﬁnance')).toEqual(['confidence', 'finance']);
    expect(hitsFor(oneTheme(['confidence', 'finance']), 'ＣＯＮＦＩＤＥＮＣＥ and ﬁnance')).toEqual({ a: 2 });
  });

  it('folds curly apostrophes and quotes to straight ones', () => {
    expect(tokens('don’t ‘grant’')).toEqual(["don't", 'grant']);
    expect(hitsFor(oneTheme(["don't"]), 'I don’t know')).toEqual({ a: 1 });
  });

  it('keeps an inner apostrophe, drops a trailing \'s, splits on hyphens and punctuation', () => {
    expect(tokens("We don't; the council's community-led plan")).toEqual(['we', "don't", 'the', 'council', 'community', 'led', 'plan']);
    expect(hitsFor(oneTheme(['council']), "the council's budget")).toEqual({ a: 1 });
    // Even from a word of one letter, in either case: the key of `X'S` is `x`.
    expect(tokens("It's X'S turn")).toEqual(['it', 'x', 'turn']);
    expect(hitsFor(oneTheme(['=x']), "It's X'S turn, and x's")).toEqual({ a: 2 });
  });

  it('matches Greek capitals with final sigma, and Hangul written as decomposed jamo', () => {
    expect(hitsFor(oneTheme(['οδός']), 'ΟΔΌΣ και οδός')).toEqual({ a: 2 });
    expect(hitsFor(oneTheme(['한국']), `${'한국'.normalize('NFD')} 한국`)).toEqual({ a: 2 });
  });

  it('takes letters and digits of any script as word characters', () => {
    expect(tokens('café 2019 naïve Zürich')).toEqual(['café', '2019', 'naïve', 'zürich']);
  });

  it('maps hits back to the original text, even where normalising changed its length', () => {
    expect(matchedText(oneTheme(['finance']), 'ﬁnance and finance', 'a')).toEqual(['ﬁnance', 'finance']);
  });
});

describe('keywords', () => {
  it('a single word matches by Porter stem when stemming is on', () => {
    expect(hitsFor(oneTheme(['skill']), 'skills, skilled and skilling')).toEqual({ a: 3 });
  });

  it('with stemming off, a word matches only itself (lower-cased)', () => {
    expect(hitsFor(oneTheme(['skill'], '', 'stem: false\n'), 'Skill, skills and skilled')).toEqual({ a: 1 });
  });

  it('a theme may turn stemming off for itself and its sub-themes', () => {
    const yaml = `name: t\nthemes:\n  - id: a\n    label: A\n    stem: false\n    keywords: [grant]\n    themes:\n      - id: b\n        label: B\n        keywords: [fund]\n`;
    expect(hitsFor(yaml, 'grants and funds')).toEqual({});
    expect(hitsFor(yaml, 'grant and fund')).toEqual({ a: 2, b: 1 });
  });

  it('=word matches the word exactly, unstemmed, even with stemming on', () => {
    expect(hitsFor(oneTheme(['=CIC']), 'a CIC, two CICs, cic')).toEqual({ a: 2 });
  });

  it('word* matches any token that starts with the word', () => {
    expect(hitsFor(oneTheme(['empower*']), 'empower, empowered, empowerment, power')).toEqual({ a: 3 });
  });

  it('a keyword of several words is a phrase of consecutive tokens, each stemmed', () => {
    expect(hitsFor(oneTheme(['match funding']), 'we got matched funds, match funding; match the funding')).toEqual({ a: 2 });
  });

  it('a hyphenated keyword is a phrase and matches with or without the hyphen', () => {
    expect(hitsFor(oneTheme(['self-esteem']), 'self-esteem, self esteem, selfesteem')).toEqual({ a: 2 });
  });

  it('phrases mix the word rules: =exact and prefix* inside a phrase', () => {
    expect(hitsFor(oneTheme(['=CIC board*']), 'the CIC boards and the CICs board')).toEqual({ a: 1 });
  });
});

describe('exclude and ignore', () => {
  it('a keyword match overlapping an exclude phrase of its theme is not a hit', () => {
    const yaml = oneTheme(['confidence'], '    exclude: ["confidence trick"]\n');
    expect(hitsFor(yaml, 'it was a confidence trick, but my confidence grew')).toEqual({ a: 1 });
  });

  it('exclude applies to the sub-themes of the theme that declares it', () => {
    const yaml = `name: t\nthemes:\n  - id: a\n    label: A\n    exclude: ["spare time"]\n    themes:\n      - id: b\n        label: B\n        keywords: [time]\n`;
    expect(hitsFor(yaml, 'in my spare time')).toEqual({});
    expect(hitsFor(yaml, 'it takes time')).toEqual({ a: 1, b: 1 });
  });

  it('a codebook-wide ignore phrase is never a hit of any theme', () => {
    const yaml = `name: t\nignore: ["Local Trust", "Big Local"]\nthemes:\n  - id: a\n    label: A\n    keywords: [trust]\n  - id: b\n    label: B\n    keywords: [local]\n`;
    expect(hitsFor(yaml, 'Local Trust funds Big Local; we trust local people')).toEqual({ a: 1, b: 1 });
  });
});

describe('near', () => {
  const yaml = oneTheme(['confidence'], '    near: [{ all: [decision, make], within: 5 }]\n');

  it('counts all the terms within a window of `within` tokens as one hit', () => {
    expect(hitsFor(yaml, 'we make our own decisions now')).toEqual({ a: 1 });
  });

  it('does not count terms further apart than the window', () => {
    expect(hitsFor(yaml, 'we make all of our own big decisions')).toEqual({});
  });

  it('counts one hit per window, the next window starting after the last', () => {
    expect(hitsFor(yaml, 'make a decision. make a decision. decision')).toEqual({ a: 2 });
  });
});

describe('blank lines', () => {
  it('a phrase or near window never crosses a blank line (a paragraph, or a turn in a document passage)', () => {
    expect(hitsFor(oneTheme(['have a go']), 'I want to have a\n\ngo at it')).toEqual({});
    expect(hitsFor(oneTheme(['have a go']), 'I want to have a\ngo at it')).toEqual({ a: 1 });
    const near = oneTheme(['x'], '    near: [{ all: [decision, make], within: 5 }]\n');
    expect(hitsFor(near, 'the decision\n\nwe make')).toEqual({});
    expect(hitsFor(near, 'the decision\n\nwe make a decision')).toEqual({ a: 1 });
  });
});

describe('hits within a theme', () => {
  it('are taken longest first and never overlap: "a b" inside "a b c" matches the longer', () => {
    const yaml = oneTheme(['community', 'community group', 'community group meeting']);
    expect(matchedText(yaml, 'the community group meeting and the community group', 'a')).toEqual(['community group meeting', 'community group']);
  });

  it('one token may be a hit for several themes', () => {
    const yaml = `name: t\nthemes:\n  - id: a\n    label: A\n    keywords: [grant]\n  - id: b\n    label: B\n    keywords: [grant]\n`;
    expect(hitsFor(yaml, 'a grant')).toEqual({ a: 1, b: 1 });
  });

  it('do not depend on the order of keywords', () => {
    const forward = hitsFor(oneTheme(['group', 'community group', 'group meeting']), 'community group meeting');
    const backward = hitsFor(oneTheme(['group meeting', 'community group', 'group']), 'community group meeting');
    expect(forward).toEqual(backward);
  });
});

describe('coding a passage', () => {
  it('codes a passage with a theme only when its hits reach min_hits', () => {
    const yaml = oneTheme(['grant', 'funding'], '    min_hits: 2\n');
    expect(hitsFor(yaml, 'a grant')).toEqual({});
    expect(hitsFor(yaml, 'a grant and some funding')).toEqual({ a: 2 });
  });

  it('codes the parent of a coded sub-theme, and counts a span matched by both once', () => {
    const yaml = `name: t\nthemes:\n  - id: resources\n    label: R\n    keywords: [money]\n    min_hits: 5\n    themes:\n      - id: money\n        label: M\n        keywords: [money, grant]\n`;
    expect(hitsFor(yaml, 'money from a grant')).toEqual({ resources: 2, money: 2 });
  });

  it("adds the sub-themes' hits to the parent's own", () => {
    const yaml = `name: t\nthemes:\n  - id: p\n    label: P\n    keywords: [council]\n    themes:\n      - id: c\n        label: C\n        keywords: [grant]\n`;
    expect(hitsFor(yaml, 'the council gave a grant')).toEqual({ p: 2, c: 1 });
  });
});
