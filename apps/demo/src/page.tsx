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
 * and after a navigation (not on the page load) moves focus to the page's `<h1>` and says its
 * title in the app's live region. `title` is undefined while the page does not know it yet
 * (a patient's name loading): focus moves at once, the title and announcement follow.
 * Returns the ref for the `<h1>`, which needs `tabIndex={-1}`.
 */
export function usePage(title: string | undefined) {
  const heading = useRef<HTMLHeadingElement>(null);
  const area = useContext(AreaContext);
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation === focused) return;
    focused = navigation;
    heading.current?.focus();
  }, [navigation]);
  useEffect(() => {
    if (title === undefined) return;
    document.title = [title, area, APP_NAME].filter(Boolean).join(' · ');
    if (navigation === announced) return;
    announced = navigation;
    announce(title);
  }, [title, area, navigation]);
  return heading;
}
