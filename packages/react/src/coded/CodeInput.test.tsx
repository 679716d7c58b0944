import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test/axe.js';
import { CodeInput, type CodeInputProps } from './CodeInput.js';
import { CODE_SYSTEMS } from './systems.js';
import type { CodeValue, Coding } from './types.js';

/** A labelled CodeInput holding its own value, reporting every change. */
function Harness({
  initial,
  onValue,
  ...props
}: Omit<CodeInputProps, 'value' | 'onChange'> & {
  initial?: CodeValue;
  onValue?: (value: CodeValue | undefined) => void;
}) {
  const [value, setValue] = useState<CodeValue | undefined>(initial);
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="substance">Substance</label>
      <CodeInput
        id="substance"
        {...props}
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue?.(next);
        }}
      />
      <span data-testid="stored">{JSON.stringify(value ?? null)}</span>
      <button type="submit">Save</button>
    </form>
  );
}

const setup = () => userEvent.setup({ delay: null });
const combobox = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Substance' });
const stored = () => JSON.parse(screen.getByTestId('stored').textContent ?? 'null') as unknown;

const peanut = { system: CODE_SYSTEMS.snomed, code: '762952008', display: 'Peanut' };

describe('CodeInput with a shipped value set', () => {
  it('is chosen with the keyboard alone and keeps the code system, code and display', async () => {
    const user = setup();
    const onValue = vi.fn();
    render(<Harness valueSet="allergy-substances" onValue={onValue} />);
    await user.tab();
    expect(document.activeElement).toBe(combobox());
    await user.keyboard('pea');
    const listbox = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(listbox.textContent).toContain('Peanut');
    await user.keyboard('{ArrowDown}');
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toContain('Peanut');
    expect(active.textContent).toContain('SNOMED CT 762952008');
    await user.keyboard('{Enter}');

    expect(stored()).toEqual(peanut);
    expect(onValue).toHaveBeenLastCalledWith(peanut);
    expect(combobox().value).toBe('Peanut');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(combobox());
    expect(screen.getByRole('status').textContent).toBe('Peanut, SNOMED CT 762952008, chosen.');
  });

  it('exposes the WAI-ARIA combobox attributes and moves the active option with the keys', async () => {
    const user = setup();
    render(<Harness valueSet="allergy-substances" />);
    const input = combobox();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();

    await user.click(input);
    await user.keyboard('nut');
    const listbox = await screen.findByRole('listbox');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(2);
    // Typing does not pick anything by itself.
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      `${options.length} suggestions. Use the Up and Down arrow keys to choose.`,
    );

    const activeId = () => input.getAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}');
    expect(activeId()).toBe(options[0]?.id);
    await user.keyboard('{ArrowDown}');
    expect(activeId()).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    expect(options[0]?.getAttribute('aria-selected')).toBe('false');
    await user.keyboard('{End}');
    expect(activeId()).toBe(options.at(-1)?.id);
    await user.keyboard('{ArrowDown}'); // wraps
    expect(activeId()).toBe(options[0]?.id);
    await user.keyboard('{ArrowUp}'); // wraps back
    expect(activeId()).toBe(options.at(-1)?.id);
    await user.keyboard('{Home}');
    expect(activeId()).toBe(options[0]?.id);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    expect(input.value).toBe('nut');
    expect(stored()).toBeNull();

    // ArrowUp on a closed list opens it on the last suggestion.
    await user.keyboard('{ArrowUp}');
    expect(activeId()).toBe(screen.getAllByRole('option').at(-1)?.id);
  });

  it('finds codes by synonym and by code, and lists the set on ArrowDown with nothing typed', async () => {
    const user = setup();
    render(<Harness valueSet="allergy-substances" />);
    await user.click(combobox());
    await user.keyboard('{ArrowDown}');
    await screen.findByRole('listbox');
    expect(screen.getAllByRole('option').length).toBe(20);

    await user.keyboard('sulfa');
    await waitFor(() =>
      expect(screen.getAllByRole('option')[0]?.textContent).toContain('Sulfonamide'),
    );
    await user.clear(combobox());
    await user.keyboard('7980');
    await waitFor(() =>
      expect(screen.getAllByRole('option')[0]?.textContent).toContain('Penicillin G RxNorm 7980'),
    );
  });

  it('is axe-clean closed and open', async () => {
    const user = setup();
    const { container } = render(<Harness valueSet="allergy-substances" />);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(combobox());
    await user.keyboard('pe{ArrowDown}');
    await screen.findByRole('listbox');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('without free text, editing a chosen code clears the value and says nothing matches', async () => {
    const user = setup();
    render(<Harness valueSet="allergy-substances" initial={peanut} />);
    expect(combobox().value).toBe('Peanut');
    await user.click(combobox());
    await user.keyboard('{End}zz');
    expect(stored()).toBeNull();
    expect(combobox().value).toBe('Peanutzz');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'No code matches “Peanutzz”. Choose one from the list.',
      ),
    );
    // Enter with nothing listed submits the form as usual (the combobox does not swallow it).
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('with free text, keeps typed text as text, marked "not coded" and described to the input', async () => {
    const user = setup();
    render(<Harness valueSet="allergy-substances" allowFreeText />);
    await user.click(combobox());
    await user.keyboard("Grandma's pickles");
    expect(stored()).toBe("Grandma's pickles");
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        "No code matches “Grandma's pickles”. It will be saved as text, not coded.",
      ),
    );
    await user.keyboard('{Escape}');
    const hint = screen.getByText('Text, not coded');
    expect(combobox().getAttribute('aria-describedby')).toContain(hint.id);

    // Choosing a listed code replaces the text with the coding.
    await user.clear(combobox());
    expect(stored()).toBeNull();
    await user.keyboard('peanut{ArrowDown}{Enter}');
    expect(stored()).toEqual(peanut);
    expect(screen.queryByText('Text, not coded')).toBeNull();
  });

  it('shows a value set from the outside (a record switch) and offers only the given systems', async () => {
    const user = setup();
    render(<External />);
    const input = screen.getByRole<HTMLInputElement>('combobox', { name: 'Problem' });
    expect(input.value).toBe('typed for record A');
    await user.click(screen.getByRole('button', { name: 'Open record B' }));
    expect(input.value).toBe('Essential (primary) hypertension');
    await user.clear(input);
    await user.keyboard('hypert');
    await screen.findByRole('listbox');
    const texts = screen.getAllByRole('option').map((o) => o.textContent);
    expect(texts).toEqual(['Essential (primary) hypertension ICD-10-CM I10']);
  });
});

const hypertension = {
  system: CODE_SYSTEMS.icd10cm,
  code: 'I10',
  display: 'Essential (primary) hypertension',
};
/** A coded input whose value is replaced from outside, as when another record opens. */
function External() {
  const [value, setValue] = useState<CodeValue | undefined>('typed for record A');
  return (
    <>
      <button type="button" onClick={() => setValue(hypertension)}>
        Open record B
      </button>
      <CodeInput
        aria-label="Problem"
        valueSet="problems"
        systems={[CODE_SYSTEMS.icd10cm]}
        allowFreeText
        value={value}
        onChange={setValue}
      />
    </>
  );
}

/** A terminology service that answers after `ms`, recording each call and its signal. */
function slowService(ms: number, answer: (text: string) => Coding[]) {
  const calls: { text: string; signal: AbortSignal }[] = [];
  const searchCodes = vi.fn(
    (text: string, signal: AbortSignal) =>
      new Promise<Coding[]>((resolve) => {
        calls.push({ text, signal });
        // Answers even when aborted, like a service that ignores the signal: the input must not.
        setTimeout(() => resolve(answer(text)), ms);
      }),
  );
  return { searchCodes, calls };
}

const rxnorm = (code: string, display: string): Coding => ({
  system: CODE_SYSTEMS.rxnorm,
  code,
  display,
});

const inlineCalls: string[] = [];
/** Passes a new `searchCodes` function on every render. */
function Inline() {
  const [value, setValue] = useState<CodeValue | undefined>();
  return (
    <CodeInput
      aria-label="Medication"
      value={value}
      onChange={setValue}
      allowFreeText
      debounceMs={0}
      searchCodes={async (text) => {
        inlineCalls.push(text);
        return [rxnorm('6809', 'metformin')];
      }}
    />
  );
}

describe('CodeInput with an app’s searchCodes', () => {
  it('aborts a superseded search and never shows its late answer', async () => {
    const user = setup();
    const { searchCodes, calls } = slowService(300, (text) =>
      text === 'pe'
        ? [rxnorm('1', 'STALE pe result')]
        : [rxnorm('7980', 'Penicillin G'), rxnorm('723', 'amoxicillin')],
    );
    render(<Harness searchCodes={searchCodes} debounceMs={0} />);
    await user.click(combobox());
    await user.keyboard('pe');
    await waitFor(() => expect(calls.map((c) => c.text)).toEqual(['pe']));
    expect(screen.getByRole('status').textContent).toBe('Searching…');
    await user.keyboard('n');
    expect(calls[0]?.signal.aborted).toBe(true);
    await waitFor(() => expect(calls.map((c) => c.text)).toEqual(['pe', 'pen']));
    expect(calls[1]?.signal.aborted).toBe(false);

    await screen.findByRole('listbox');
    // The stale answer to "pe" arrived meanwhile and was dropped.
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Penicillin G RxNorm 7980',
      'amoxicillin RxNorm 723',
    ]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(stored()).toEqual(rxnorm('7980', 'Penicillin G'));
  });

  it('debounces: fast typing asks the service once, for the final text', async () => {
    const user = setup();
    const { searchCodes, calls } = slowService(10, () => [rxnorm('7980', 'Penicillin G')]);
    render(<Harness searchCodes={searchCodes} debounceMs={200} />);
    await user.click(combobox());
    await user.keyboard('penic');
    await screen.findByRole('listbox');
    expect(calls.map((c) => c.text)).toEqual(['penic']);
  });

  it('waits for minSearchLength, says when nothing matches, and when the service fails', async () => {
    const user = setup();
    let fail = false;
    const searchCodes = vi.fn(async (text: string) => {
      if (fail) throw new Error('terminology server down');
      return text.startsWith('zz') ? [] : [rxnorm('7980', 'Penicillin G')];
    });
    render(<Harness searchCodes={searchCodes} debounceMs={0} minSearchLength={3} />);
    await user.click(combobox());
    await user.keyboard('zz');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(searchCodes).not.toHaveBeenCalled();
    await user.keyboard('z');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'No code matches “zzz”. Choose one from the list.',
      ),
    );
    fail = true;
    await user.keyboard('{Backspace}{Backspace}{Backspace}pen');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Code search failed. Keep typing to try again.',
      ),
    );
    expect(
      screen.getByText('Code search failed. Keep typing to try again.', {
        selector: '.ck-code-input__message',
      }),
    ).toBeTruthy();
    fail = false;
    await user.keyboard('i');
    await screen.findByRole('listbox');
  });

  it('does not restart a search when the parent passes a new function on every render', async () => {
    const user = setup();
    inlineCalls.length = 0;
    render(<Inline />);
    await user.click(screen.getByRole('combobox', { name: 'Medication' }));
    await user.keyboard('met');
    await screen.findByRole('listbox');
    expect(inlineCalls).toEqual(['met']);
  });
});
