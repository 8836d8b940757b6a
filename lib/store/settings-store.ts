import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { VERBOSITIES, type Verbosity } from '../hints/build-hint-card';
import { DEFAULT_MATCH_OPTIONS } from '../match/match-question';

export interface SettingsState {
  verbosity: Verbosity;
  /** Confidence a match needs before its hint shows (0…1). */
  matchThreshold: number;
  setVerbosity: (verbosity: Verbosity) => void;
  setMatchThreshold: (threshold: number) => void;
}

export const SETTINGS_STORAGE_KEY = 'cuecard-settings';

/** A fresh settings store over the given storage; the panel passes chrome.storage, tests an in-memory one. */
export function createSettingsStore(storage: StateStorage) {
  return create<SettingsState>()(
    persist(
      (set) => ({
        verbosity: 'standard',
        matchThreshold: DEFAULT_MATCH_OPTIONS.threshold,
        setVerbosity: (verbosity) => {
          if (VERBOSITIES.includes(verbosity)) set({ verbosity });
        },
        setMatchThreshold: (threshold) => set({ matchThreshold: Math.min(0.95, Math.max(0.2, threshold)) }),
      }),
      {
        name: SETTINGS_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ verbosity, matchThreshold }) => ({ verbosity, matchThreshold }),
      },
    ),
  );
}

export const selectVerbosity = (state: SettingsState) => state.verbosity;
export const selectMatchThreshold = (state: SettingsState) => state.matchThreshold;
