'use client';
import {
  type ChangeEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { type CodedMessages, codedMessages } from './codedMessages.js';
import { codeValueText, codingSource, isCoding, sameCodeValue } from './codeValue.js';
import { filterValueSet, toCoding } from './search.js';
import type { CodeValue, Coding, SearchCodes, ValueSetEntry } from './types.js';
import { loadValueSet, type ValueSetName } from './valueSets/index.js';

// useLayoutEffect warns during server rendering; effects do not run there anyway.
const useCommitEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

export interface UseCodeInputOptions {
  /** The stored value: a coding, text (when `allowFreeText`), or `undefined` when empty. */
  value: CodeValue | undefined;
  /**
   * Called with the new value: the chosen coding (`{system, code, display}`, exactly as listed),
   * the typed text when `allowFreeText` (as typed; empty text gives `undefined`), or `undefined`
   * when the user edits the text of a chosen code and free text is not allowed.
   */
  onChange: (value: CodeValue | undefined) => void;
  /** A shipped value set, downloaded on first focus (`import()`). Ignored with `searchCodes`. */
  valueSet?: ValueSetName | undefined;
  /** Codings to choose from, given inline (small lists). Ignored with `searchCodes` or `valueSet`. */
  options?: readonly Coding[] | undefined;
  /**
   * The app's own terminology service: called with the typed text (debounced, at least
   * `minSearchLength` characters) and an `AbortSignal` that fires when the user types on.
   * Takes the place of `valueSet` and `options`.
   */
  searchCodes?: SearchCodes | undefined;
  /** Keep typed text that matches no code, stored as text (not coded). Defaults to false. */
  allowFreeText?: boolean | undefined;
  /** Only offer codings of these code systems (URIs, see `CODE_SYSTEMS`). Defaults to all. */
  systems?: readonly string[] | undefined;
  /** Pause after the last keystroke before `searchCodes` is called, in ms. Defaults to 250. */
  debounceMs?: number | undefined;
  /** Characters typed before `searchCodes` is called. Defaults to 2. */
  minSearchLength?: number | undefined;
  /** Most suggestions listed at once. Defaults to 20. */
  maxOptions?: number | undefined;
  /** Wording overrides. Defaults to English (`defaultCodedMessages`). */
  messages?: Partial<CodedMessages> | undefined;
  /** Id of the input (for an external `<label htmlFor>`). Defaults to a generated id. */
  id?: string | undefined;
}

/** Where the suggestions stand: nothing asked yet, being fetched, listed, none, or failed. */
export type CodeSearchStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

interface RemoteResults {
  query: string;
  status: CodeSearchStatus;
  results: readonly Coding[];
}

const asEntries = (codings: readonly Coding[]): ValueSetEntry[] =>
  codings.map((c) => ({
    ...c,
    system: c.system ?? '',
    code: c.code ?? '',
    display: c.display ?? c.code ?? '',
  }));

/**
 * A searchable coded-value combobox without markup (WAI-ARIA 1.2 combobox pattern with a listbox
 * popup, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): prop getters for the input, the
 * listbox, its options and a polite status region.
 *
 * Keyboard: typing filters; ArrowDown/ArrowUp open the list and move through it (wrapping);
 * Alt+ArrowDown opens it without moving; Home/End jump to the first/last suggestion while one is
 * active; Enter chooses the active suggestion; Escape closes the list. Focus stays in the input
 * (`aria-activedescendant` names the active option). A chosen option is stored as it is listed:
 * `{system, code, display}`.
 */
export function useCodeInput(options: UseCodeInputOptions) {
  const {
    value,
    onChange,
    valueSet,
    searchCodes,
    allowFreeText = false,
    systems,
    debounceMs = 250,
    minSearchLength = 2,
    maxOptions = 20,
  } = options;
  const messages = codedMessages(options.messages);
  const generatedId = useId();
  const inputId = options.id ?? `${generatedId}-input`;
  const listboxId = `${generatedId}-listbox`;
  const optionId = (index: number) => `${generatedId}-option-${index}`;

  const [text, setText] = useState(() => codeValueText(value));
  // The value the text stands for; an outside change of `value` replaces the text.
  const [synced, setSynced] = useState<CodeValue | undefined>(value);
  if (!sameCodeValue(value, synced)) {
    setSynced(value);
    setText(codeValueText(value));
  }
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  // The latest service and callback, so an inline function does not restart every search.
  const searchRef = useRef(searchCodes);
  const onChangeRef = useRef(onChange);
  useCommitEffect(() => {
    searchRef.current = searchCodes;
    onChangeRef.current = onChange;
  });

  // Shipped value set: downloaded on first focus, again after a failure when the user types on
  // (`wanted` counts the requests: 0 until the first focus).
  const [wanted, setWanted] = useState(0);
  const want = () => setWanted((n) => n || 1);
  const [set, setSet] = useState<{
    name: ValueSetName;
    entries?: readonly ValueSetEntry[];
    failed?: boolean;
  }>();
  const useValueSet = valueSet !== undefined && !searchCodes;
  useEffect(() => {
    if (!useValueSet || !wanted || valueSet === undefined) return;
    let live = true;
    loadValueSet(valueSet).then(
      (entries) => live && setSet({ name: valueSet, entries }),
      () => live && setSet({ name: valueSet, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [useValueSet, wanted, valueSet]);

  // The app's terminology service: debounced, and aborted as soon as the text changes.
  const query = text.trim();
  const [remote, setRemote] = useState<RemoteResults>({ query: '', status: 'idle', results: [] });
  const useService = searchCodes !== undefined;
  useEffect(() => {
    const search = searchRef.current;
    if (!useService || !open || !search) return;
    if (query.length < minSearchLength) {
      setRemote({ query, status: 'idle', results: [] });
      return;
    }
    const controller = new AbortController();
    setRemote({ query, status: 'loading', results: [] });
    const timer = setTimeout(() => {
      search(query, controller.signal).then(
        (codings) => {
          if (!controller.signal.aborted) {
            setRemote({ query, status: codings.length > 0 ? 'ready' : 'empty', results: codings });
          }
        },
        () => {
          if (!controller.signal.aborted) setRemote({ query, status: 'error', results: [] });
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [useService, open, query, minSearchLength, debounceMs]);

  // What is listed now, and whether the list is still coming.
  let results: readonly Coding[] = [];
  let status: CodeSearchStatus = 'idle';
  if (useService) {
    if (remote.query === query) {
      const found = systems
        ? remote.results.filter((c) => systems.includes(c.system ?? ''))
        : remote.results;
      results = found.slice(0, maxOptions);
      status = remote.status === 'ready' && results.length === 0 ? 'empty' : remote.status;
    } else if (query.length >= minSearchLength) {
      status = 'loading';
    }
  } else {
    const inline = options.options ? asEntries(options.options) : undefined;
    const loaded = useValueSet && set?.name === valueSet ? set : undefined;
    const entries = useValueSet ? loaded?.entries : inline;
    if (useValueSet && loaded?.failed) status = 'error';
    else if (!entries) status = wanted > 0 || !useValueSet ? 'loading' : 'idle';
    else {
      // A chosen code's own text lists the whole set again (the user is browsing, not searching).
      const filterText = isCoding(value) && codeValueText(value) === text ? '' : text;
      results = filterValueSet(entries, filterText, { limit: maxOptions, systems });
      status = results.length > 0 ? 'ready' : query ? 'empty' : 'idle';
    }
  }
  const expanded = open && results.length > 0;
  const active = expanded && activeIndex < results.length ? activeIndex : -1;

  const emit = (next: CodeValue | undefined) => {
    setSynced(next);
    onChangeRef.current(next);
  };

  const choose = (coding: Coding) => {
    const stored = toCoding(coding);
    setText(codeValueText(stored));
    emit(stored);
    setOpen(false);
    setActiveIndex(-1);
    setAnnouncement(messages.chosen(codeValueText(stored), codingSource(stored)));
  };

  const openList = (index: number) => {
    want();
    setOpen(true);
    setActiveIndex(index);
  };

  const onInputChange = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setText(typed);
    want();
    setOpen(true);
    setActiveIndex(-1);
    setAnnouncement('');
    if (set?.failed) {
      setSet(undefined);
      setWanted((n) => n + 1);
    }
    const next = allowFreeText && typed.trim() !== '' ? typed : undefined;
    if (!sameCodeValue(next, synced)) emit(next);
  };

  const move = (to: number) => {
    if (results.length === 0) return;
    const last = results.length - 1;
    setActiveIndex(to < 0 ? last : to > last ? 0 : to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) openList(event.altKey ? -1 : 0);
        else if (!event.altKey) move(active + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded) openList(results.length > 0 ? results.length - 1 : -1);
        else move(active - 1);
        return;
      case 'Home':
      case 'End':
        if (active < 0) return; // the text cursor moves as usual
        event.preventDefault();
        setActiveIndex(event.key === 'Home' ? 0 : results.length - 1);
        return;
      case 'Enter': {
        const option = active >= 0 ? results[active] : undefined;
        if (option) {
          event.preventDefault();
          choose(option);
        } else if (expanded) {
          // The list is open with nothing active: close it, keep the text (no form submit).
          event.preventDefault();
          setOpen(false);
        }
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActiveIndex(-1);
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
      default:
    }
  };

  let statusText = announcement;
  if (open) {
    if (status === 'loading') statusText = messages.searching;
    else if (status === 'error') statusText = messages.searchFailed;
    else if (status === 'ready') statusText = messages.results(results.length);
    else if (status === 'empty')
      statusText = allowFreeText ? messages.noMatchFreeText(query) : messages.noMatch(query);
  }

  return {
    /** The text in the input. */
    text,
    /** True while the suggestions popup is shown. */
    expanded,
    /** Whether the user asked for suggestions (typing, arrows), even if none are listed yet. */
    open,
    /** The suggestions listed (codings as they will be stored). */
    results,
    /** Index of the active suggestion (`aria-activedescendant`), -1 for none. */
    activeIndex: active,
    status,
    /** What the polite status region says (counts, searching, no match, chosen). */
    statusText,
    /** The stored value is text typed by the user, not a code. */
    isFreeText: typeof value === 'string' && value !== '',
    messages,
    inputId,
    listboxId,
    optionId,
    /** Chooses a suggestion (as clicking it does). */
    choose,
    /** Props for the `<input>`: the combobox itself. */
    getInputProps: () => ({
      id: inputId,
      type: 'text' as const,
      role: 'combobox' as const,
      autoComplete: 'off',
      spellCheck: false,
      'aria-autocomplete': 'list' as const,
      'aria-expanded': expanded,
      'aria-controls': listboxId,
      'aria-activedescendant': active >= 0 ? optionId(active) : undefined,
      value: text,
      onChange: onInputChange,
      onKeyDown,
      onFocus: want,
      onClick: () => {
        if (!open) openList(-1);
      },
      onBlur: (_event: FocusEvent<HTMLInputElement>) => {
        setOpen(false);
        setActiveIndex(-1);
      },
    }),
    /** Props for the `<ul>` popup (render it only while `expanded`). */
    getListboxProps: () => ({
      id: listboxId,
      role: 'listbox' as const,
      'aria-label': messages.suggestions,
    }),
    /** Props for the `<li>` of suggestion `index`. */
    getOptionProps: (index: number) => ({
      id: optionId(index),
      role: 'option' as const,
      'aria-selected': index === active,
      'data-active': index === active ? '' : undefined,
      // Keeps focus in the input, so the click chooses rather than blurs.
      onMouseDown: (event: MouseEvent) => event.preventDefault(),
      onClick: () => {
        const option = results[index];
        if (option) choose(option);
      },
      onMouseMove: () => {
        if (index !== active) setActiveIndex(index);
      },
    }),
    /** Props for the polite status region (keep it mounted so changes are announced). */
    getStatusProps: () => ({ role: 'status' as const, 'aria-live': 'polite' as const }),
  };
}

export type CodeInputState = ReturnType<typeof useCodeInput>;
