import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@client/lib/i18n.js';
import { searchPlaces, type SearchEntry, type SearchIndex } from '@client/lib/place-search.js';
import './place-search-box.css';

interface Props {
  index: SearchIndex;
  onChoose: (entry: SearchEntry) => void;
}

/**
 * Place search as an ARIA combobox (list autocomplete): type, move through the suggestions
 * with the arrow keys, Enter to go there, Escape to close; or click one.
 */
export function PlaceSearchBox({ index, onChoose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchPlaces(index, query), [index, query]);
  const expanded = open && query.trim().length > 0;
  const listId = `${id}-places`;
  const optionId = (i: number) => `${id}-place-${i}`;

  function choose(entry: SearchEntry) {
    setQuery(entry.label);
    setOpen(false);
    onChoose(entry);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (results.length ? (current + step + results.length) % results.length : 0));
    } else if (event.key === 'Enter') {
      const entry = results[active];
      if (expanded && entry) {
        event.preventDefault();
        choose(entry);
      }
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
    }
  }

  return (
    <div className="place-search" data-testid="place-search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('map.search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && results[active] ? optionId(active) : undefined}
        placeholder={t('map.search.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={t('map.search.label')} hidden={!expanded}>
        {results.map((entry, i) => (
          <li
            key={entry.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(entry);
            }}
            onMouseMove={() => setActive(i)}
          >
            <span>{entry.label}</span>
            <span className="muted"> · {entry.detail}</span>
          </li>
        ))}
        {results.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled className="muted">
            {t('map.search.none')}
          </li>
        )}
      </ul>
      <p className="visually-hidden" role="status">
        {expanded ? t('map.search.found', { count: results.length }) : ''}
      </p>
    </div>
  );
}
