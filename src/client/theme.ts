/** The theme switch: applies and remembers the reader's choice; "system" follows the OS. */
const KEY = 'leverage-lab:theme';
type Theme = 'system' | 'light' | 'dark';

function read(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}

const select = document.getElementById('theme-select');
if (select instanceof HTMLSelectElement) {
  select.value = read();
  select.addEventListener('change', () => apply(select.value as Theme));
}
