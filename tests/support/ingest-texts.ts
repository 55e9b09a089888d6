/*
 * Texts the review and CLI tests ingest, written so that the real extractor (src/domain/ingest)
 * proposes what those tests need, from sentences a mining news item would contain.
 */

/**
 * A short news text the real extractor proposes three things from: "<Name> operates the Mount
 * Weld mine" (rule `operator`) gives the organisation the seed lacks (a name ending in an
 * organisation head word such as "Minerals") and its OPERATES fact, which depends on it; "Lynas
 * Rare Earths operates the Mount Weld mine" restates a seed fact, so it gives a citation of it.
 */
export const textAbout = (name: string) =>
  `Mining news. ${name} operates the Mount Weld mine in Western Australia, the company said on Monday. Lynas Rare Earths operates the Mount Weld mine, as it has for years.`;

/** The seed relationship the second sentence of `textAbout` corroborates. */
export const LYNAS_OPERATES = 'operates:lynas:mt-weld';
