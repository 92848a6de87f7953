// The language the user chose in the header, kept in localStorage (Swedish unless they chose English).
// Small and free of the app's code, so that the entry can read it before the rest has loaded.
import type { Language } from "./messages";

const storageKey = "lotsen.language";

/** The stored choice; Swedish when there is none or storage cannot be read. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "sv";
  } catch {
    return "sv";
  }
}

/** Keeps the choice; in private mode it lasts until the page is closed. */
export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not kept
  }
}
