import type { KeyValueStore } from '../../core/hostTypes';
import type { Rectangle, Screen } from 'electron';

/** A window rectangle; no position means "let the system centre it". */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** What is remembered between runs. */
export interface WindowState {
  bounds: WindowBounds;
  isMaximized: boolean;
}

/** Size of the first window on a new install. */
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 820 } as const;

/** Smallest window the layout is designed for. */
export const MIN_WINDOW_SIZE = { width: 720, height: 540 } as const;

const MAX_DIMENSION = 16384;
const MAX_COORDINATE = 100000;
// Enough of the window must show on a display to grab its title bar and move it back.
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const STATE_KEY = 'window';

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * A remembered window state, or null for anything malformed: the file is outside the app's
 * control and a garbage size must not produce an invisible or enormous window.
 */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, isMaximized } = raw as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isIntegerIn(width, MIN_WINDOW_SIZE.width, MAX_DIMENSION)) return null;
  if (!isIntegerIn(height, MIN_WINDOW_SIZE.height, MAX_DIMENSION)) return null;
  if (isMaximized !== undefined && typeof isMaximized !== 'boolean') return null;
  const hasPosition =
    isIntegerIn(x, -MAX_COORDINATE, MAX_COORDINATE) &&
    isIntegerIn(y, -MAX_COORDINATE, MAX_COORDINATE);
  return {
    bounds: hasPosition ? { x, y, width, height } : { width, height },
    isMaximized: isMaximized === true,
  };
}

function overlapArea(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function centredIn(area: Rectangle, width: number, height: number): WindowBounds {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: area.x + Math.round((area.width - w) / 2),
    y: area.y + Math.round((area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Bounds that are on a display that exists now: a window saved on a monitor that has since been
 * unplugged is moved back and centred on the primary display, and never exceeds its work area.
 */
export function fitToDisplays(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): WindowState {
  const wanted = saved?.bounds ?? { ...DEFAULT_WINDOW_SIZE };
  const isMaximized = saved?.isMaximized ?? false;
  const { x, y } = wanted;
  if (x === undefined || y === undefined) {
    return { bounds: centredIn(primaryWorkArea, wanted.width, wanted.height), isMaximized };
  }
  const rect = { x, y, width: wanted.width, height: wanted.height };
  const host = workAreas.find((area) => {
    const overlap = overlapArea(rect, area);
    return overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height;
  });
  if (!host)
    return { bounds: centredIn(primaryWorkArea, wanted.width, wanted.height), isMaximized };
  const width = Math.min(wanted.width, host.width);
  const height = Math.min(wanted.height, host.height);
  return {
    bounds: {
      x: clamp(x, host.x, host.x + host.width - width),
      y: clamp(y, host.y, host.y + host.height - height),
      width,
      height,
    },
    isMaximized,
  };
}

/** The window methods the keeper reads when the window closes. */
export interface TrackedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

/** Remembers the main window's size and position in its own store. */
export interface WindowStateKeeper {
  /** Saved bounds checked against the displays attached now, or a centred default. */
  initialState(): WindowState;
  /** Saves the window's normal (unmaximised) bounds when it closes. */
  track(window: TrackedWindow): void;
}

/** Builds a keeper over a store (electron-store 'window-state') and the screen module. */
export function createWindowStateKeeper(deps: {
  store: Pick<KeyValueStore, 'get' | 'set'>;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  log?: (message: string, error: unknown) => void;
}): WindowStateKeeper {
  return {
    initialState() {
      let saved: WindowState | null = null;
      try {
        saved = parseWindowState(deps.store.get(STATE_KEY));
      } catch (error: unknown) {
        deps.log?.('Could not read the window state', error);
      }
      const workAreas = deps.screen.getAllDisplays().map((display) => display.workArea);
      return fitToDisplays(saved, workAreas, deps.screen.getPrimaryDisplay().workArea);
    },
    track(window) {
      window.on('close', () => {
        // Losing the window size is harmless; failing to close the window is not.
        try {
          const state: WindowState = {
            bounds: window.getNormalBounds(),
            isMaximized: window.isMaximized(),
          };
          deps.store.set(STATE_KEY, state);
        } catch (error: unknown) {
          deps.log?.('Could not save the window state', error);
        }
      });
    },
  };
}
