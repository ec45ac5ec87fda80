// A codebook as the engine and the linter see it; every entry remembers where it was written.

export interface Term {
  text: string;
  line: number;
  col: number;
}

export interface NearRule {
  all: Term[];
  within: number;
  line: number;
  col: number;
}

export interface Theme {
  id: string;
  label: string;
  description?: string;
  color?: string;
  keywords: Term[];
  exclude: Term[];
  near: NearRule[];
  minHits: number;
  /** Stemming for this theme's keywords, inherited from the parent or the codebook when not set. */
  stem: boolean;
  themes: Theme[];
  line: number;
  col: number;
}

export interface Codebook {
  name: string;
  version: string;
  description?: string;
  stem: boolean;
  ignore: Term[];
  allowShared: Term[];
  themes: Theme[];
  /** Where the codebook came from and the SHA-256 of its bytes, so outputs say exactly what coded them. */
  source: { file: string; sha256: string };
}

/** Themes in codebook order, parents before their sub-themes. */
export function flattenThemes(themes: readonly Theme[]): Theme[] {
  return themes.flatMap((t) => [t, ...flattenThemes(t.themes)]);
}
