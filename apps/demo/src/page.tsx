import { createContext, useContext, useEffect, useRef } from 'react';
import { announce } from './announce.js';
import { useNavigation } from './router.js';

/** The part of the demo a page belongs to ("Front desk", "Patient portal"), for its title. */
export const AreaContext = createContext<string | undefined>(undefined);

export const APP_NAME = 'ClinikAPI demo';

/** The last navigation whose page took focus and was announced (0: the page load). */
let focused = 0;
let announced = 0;

/**
 * A page's title and arrival: sets `document.title` ("Patients · Front desk · ClinikAPI demo"),
 * and after a navigation (not on the page load) moves focus to the page's `<h1>` and says the
 * page in the app's live region.
 *
 * Titles name the kind of page, never the patient: tab titles end up in the browser's history,
 * window lists and screen shares. What is said may name them (`said`, e.g. the h1's text), and
 * waits until it is known (`ready: false` while a patient loads); focus moves at once.
 * Returns the ref for the `<h1>`, which needs `tabIndex={-1}`.
 */
export function usePage(title: string, { said = title, ready = true } = {}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const area = useContext(AreaContext);
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation === focused) return;
    focused = navigation;
    heading.current?.focus();
  }, [navigation]);
  useEffect(() => {
    document.title = [title, area, APP_NAME].filter(Boolean).join(' · ');
  }, [title, area]);
  useEffect(() => {
    if (!ready || navigation === announced) return;
    announced = navigation;
    announce(said);
  }, [said, ready, navigation]);
  return heading;
}
