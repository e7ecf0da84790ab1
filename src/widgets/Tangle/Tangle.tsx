/** Reactive prose: a sentence whose numbers are ARIA sliders (drag, keys, or type); the view only, maths in explorables.ts. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { Decimal } from '../../calc/index.ts';
import {
  computeFrom,
  defaultValues,
  explorableByName,
  parseTyped,
  sentenceText,
  stepValue,
  type TangleVariable,
} from './explorables.ts';

export interface TangleProps {
  /** Which explorable to show (a key of `explorables`). */
  name: string;
  /** Makes ids unique when the same explorable appears twice on a page. */
  idPrefix?: string;
}

/** Pixels of horizontal drag per step. */
const PX_PER_STEP = 4;
/** Movement below this many pixels is a click (which opens the edit box), not a drag. */
const DRAG_THRESHOLD = 4;

export default function Tangle({ name, idPrefix }: TangleProps) {
  const ex = explorableByName(name);
  if (!ex) throw new Error(`[leverage-lab] <Tangle name="${name}">: no explorable of that name.`);
  const prefix = idPrefix ?? `tangle-${name}`;
  const [values, setValues] = useState<Record<string, string>>(() => defaultValues(ex));
  const [hydrated, setHydrated] = useState(false);
  const [announce, setAnnounce] = useState('');
  const computed = useMemo(() => computeFrom(ex, values), [ex, values]);
  const changed = useRef(false);

  useEffect(() => setHydrated(true), []);
  // One polite announcement of the whole sentence once the reader pauses, not one per key press.
  useEffect(() => {
    if (!changed.current) return;
    const timer = setTimeout(() => setAnnounce(sentenceText(ex, values, computed)), 700);
    return () => clearTimeout(timer);
  }, [ex, values, computed]);

  const set = (key: string, value: string) => {
    changed.current = true;
    setValues((v) => (v[key] === value ? v : { ...v, [key]: value }));
  };
  const hintId = `${prefix}-hint`;

  return (
    <div class="ll-tangle" data-tangle={ex.name} role="group" aria-label={ex.title}>
      <p class="ll-tangle-sentence">
        {computed.segments.map((s, i) => {
          if (s.kind === 'text') return s.text;
          if (s.kind === 'output') {
            return (
              <strong key={`o-${s.name}`} class="ll-tangle-output" data-output={s.name} data-value={s.value.toFixed()}>
                {s.text}
              </strong>
            );
          }
          const def = ex.variables.find((v) => v.name === s.name);
          if (!def) throw new Error(`[leverage-lab] explorable "${ex.name}" has no variable "${s.name}"`);
          return (
            <Adjustable
              key={`v-${s.name}-${i}`}
              def={def}
              id={`${prefix}-${def.name}`}
              value={values[def.name] ?? def.default}
              onChange={(v) => set(def.name, v)}
              describedBy={hydrated ? hintId : undefined}
            />
          );
        })}
      </p>
      {hydrated && (
        <p class="ll-tangle-hint" id={hintId}>
          Drag a number in blue sideways, use the arrow keys on it, or press Enter to type a value.
        </p>
      )}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announce}
      </p>
    </div>
  );
}

interface AdjustableProps {
  def: TangleVariable;
  id: string;
  value: string;
  onChange: (value: string) => void;
  describedBy: string | undefined;
}

/** One adjustable number: an ARIA slider that becomes a small text box while typing. */
function Adjustable({ def, id, value, onChange, describedBy }: AdjustableProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const [dragging, setDragging] = useState(false);
  const sliderRef = useRef<HTMLSpanElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const drag = useRef<{ x: number; start: string; moved: boolean; pointer: number } | null>(null);
  const refocus = useRef(false);
  // Set when Enter or Escape closes the box, so the blur that may follow does not commit again.
  const closing = useRef(false);
  const current = new Decimal(value);
  const messageId = `${id}-message`;

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      sliderRef.current?.focus();
    }
  }, [editing]);

  const startEditing = () => {
    closing.current = false;
    setDraft(current.toFixed());
    setEditing(true);
  };
  /** Commits a typed value; on refusal keeps the old value and says why. Returns whether it was accepted. */
  const commit = (): boolean => {
    const parsed = parseTyped(def, draft);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return false;
    }
    setMessage('');
    onChange(parsed.value);
    return true;
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLSpanElement>) => {
    let next: string | undefined;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = stepValue(def, value, 1);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = stepValue(def, value, -1);
        break;
      case 'PageUp':
        next = stepValue(def, value, 1, 'bigStep');
        break;
      case 'PageDown':
        next = stepValue(def, value, -1, 'bigStep');
        break;
      case 'Home':
        next = def.min;
        break;
      case 'End':
        next = def.max;
        break;
      case 'Enter':
        e.preventDefault();
        startEditing();
        return;
      default:
        return;
    }
    e.preventDefault();
    setMessage('');
    onChange(new Decimal(next).toFixed());
  };

  const onPointerDown = (e: TargetedPointerEvent<HTMLSpanElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, start: value, moved: false, pointer: e.pointerId };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: TargetedPointerEvent<HTMLSpanElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
    if (!d.moved) {
      d.moved = true;
      setDragging(true);
      setMessage('');
    }
    onChange(stepValue(def, d.start, Math.trunc(dx / PX_PER_STEP)));
  };
  const onPointerUp = (e: TargetedPointerEvent<HTMLSpanElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    setDragging(false);
    if (!d.moved) startEditing();
  };
  const onPointerCancel = () => {
    drag.current = null;
    setDragging(false);
  };

  const described = [describedBy, message ? messageId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <span class="ll-tangle-item">
      {editing ? (
        <input
          ref={inputRef}
          id={`${id}-input`}
          class="ll-tangle-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          size={Math.max(4, draft.length + 1)}
          aria-label={`${def.label}, ${def.typeHint}`}
          aria-invalid={message ? 'true' : undefined}
          aria-describedby={message ? messageId : undefined}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (commit()) {
                closing.current = true;
                refocus.current = true;
                setEditing(false);
              }
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setMessage('');
              closing.current = true;
              refocus.current = true;
              setEditing(false);
            }
          }}
          onBlur={() => {
            if (closing.current) return;
            // Leaving the box commits; a refused value is dropped and the message stays beside the old one.
            commit();
            setEditing(false);
          }}
        />
      ) : (
        <span
          ref={sliderRef}
          id={id}
          class={`ll-tangle-var${dragging ? ' ll-tangle-dragging' : ''}`}
          role="slider"
          tabIndex={0}
          aria-label={def.label}
          aria-valuemin={Number(def.min)}
          aria-valuemax={Number(def.max)}
          aria-valuenow={current.toNumber()}
          aria-valuetext={def.words(current)}
          aria-describedby={described}
          aria-invalid={message ? 'true' : undefined}
          data-variable={def.name}
          data-value={current.toFixed()}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
        >
          {def.format(current)}
        </span>
      )}
      {message && (
        <span class="ll-tangle-message" id={messageId} role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
