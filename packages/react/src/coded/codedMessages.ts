/** Every user-visible string of the coded inputs, in English. Override any through `messages`. */
export interface CodedMessages {
  /** Names the popup list of suggestions. */
  suggestions: string;
  /** While the value set downloads or the terminology service answers. */
  searching: string;
  /** Suggestions shown: how many, and how to reach them. */
  results: (count: number) => string;
  /** Nothing matches and only listed codes may be chosen. */
  noMatch: (text: string) => string;
  /** Nothing matches; the typed text is kept as text (not coded). */
  noMatchFreeText: (text: string) => string;
  /** The value set or the terminology service failed. */
  searchFailed: string;
  /** Marks a value that is text, not a code. */
  notCoded: string;
  /** A chosen code, announced after selection. */
  chosen: (display: string, source: string) => string;
}

export const defaultCodedMessages: CodedMessages = {
  suggestions: 'Suggestions',
  searching: 'Searching…',
  results: (count) =>
    `${count} ${count === 1 ? 'suggestion' : 'suggestions'}. Use the Up and Down arrow keys to choose.`,
  noMatch: (text) => `No code matches “${text}”. Choose one from the list.`,
  noMatchFreeText: (text) => `No code matches “${text}”. It will be saved as text, not coded.`,
  searchFailed: 'Code search failed. Keep typing to try again.',
  notCoded: 'Text, not coded',
  chosen: (display, source) => (source ? `${display}, ${source}, chosen.` : `${display} chosen.`),
};

/** The coded inputs' messages with `overrides` applied. */
export function codedMessages(overrides?: Partial<CodedMessages>): CodedMessages {
  return overrides ? { ...defaultCodedMessages, ...overrides } : defaultCodedMessages;
}
