import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { DEFAULT_WHISPER_MODEL } from '../asr/whisper-models';
import { VERBOSITIES, type Verbosity } from '../card/build-card';
import { DEFAULT_SEGMENTER_OPTIONS } from '../audio/utterance-segmenter';
import { DEFAULT_MATCH_OPTIONS } from '../match/match-question';
import type { DevicePreference, VadSettings } from '../messaging/runtime-messages';

export interface SettingsState {
  verbosity: Verbosity;
  /** Confidence a match needs before its hint shows (0…1). */
  matchThreshold: number;
  /** A model id from WHISPER_MODELS, or "local:<folder name>" for a folder the user provided. */
  asrModel: string;
  asrDevice: DevicePreference;
  /** Also capture the microphone, labelled as the candidate. */
  captureMicrophone: boolean;
  /** How speech is cut into utterances. */
  vad: VadSettings;
  theme: 'system' | 'light' | 'dark';
  /** Text size of the panel, as a factor of the default. */
  fontScale: number;
  /** The first-run welcome was put away. */
  welcomed: boolean;
  /** Run the optional sentence model beside the matcher (off: nothing downloaded, nothing run). */
  understandParaphrases: boolean;
  setVerbosity: (verbosity: Verbosity) => void;
  setMatchThreshold: (threshold: number) => void;
  setAsrModel: (model: string) => void;
  setAsrDevice: (device: DevicePreference) => void;
  setCaptureMicrophone: (capture: boolean) => void;
  setVad: (vad: Partial<VadSettings>) => void;
  setTheme: (theme: 'system' | 'light' | 'dark') => void;
  setFontScale: (scale: number) => void;
  setWelcomed: () => void;
  setUnderstandParaphrases: (on: boolean) => void;
}

export const SETTINGS_STORAGE_KEY = 'cuecard-settings';
/** What is kept between panels and restarts: the choices, not the setters. */
const STORED_SETTINGS = [
  'verbosity',
  'matchThreshold',
  'asrModel',
  'asrDevice',
  'captureMicrophone',
  'vad',
  'theme',
  'fontScale',
  'welcomed',
  'understandParaphrases',
] as const satisfies readonly (keyof SettingsState)[];
type StoredSetting = (typeof STORED_SETTINGS)[number];

/** A fresh settings store over the given storage; the panel passes chrome.storage, tests an in-memory one. */
export function createSettingsStore(storage: StateStorage) {
  return create<SettingsState>()(
    persist(
      (set) => ({
        verbosity: 'standard',
        matchThreshold: DEFAULT_MATCH_OPTIONS.threshold,
        asrModel: DEFAULT_WHISPER_MODEL,
        asrDevice: 'auto',
        captureMicrophone: false,
        vad: {
          minSilenceMs: DEFAULT_SEGMENTER_OPTIONS.minSilenceMs,
          maxUtteranceMs: DEFAULT_SEGMENTER_OPTIONS.maxUtteranceMs,
          padMs: DEFAULT_SEGMENTER_OPTIONS.padMs,
        },
        theme: 'system',
        fontScale: 1,
        welcomed: false,
        understandParaphrases: false,
        setVerbosity: (verbosity) => {
          if (VERBOSITIES.includes(verbosity)) set({ verbosity });
        },
        setMatchThreshold: (threshold) => set({ matchThreshold: Math.min(0.95, Math.max(0.2, threshold)) }),
        setAsrModel: (asrModel) => set({ asrModel }),
        setAsrDevice: (asrDevice) => set({ asrDevice }),
        setCaptureMicrophone: (captureMicrophone) => set({ captureMicrophone }),
        setVad: (vad) => set((state) => ({ vad: { ...state.vad, ...vad } })),
        setTheme: (theme) => set({ theme }),
        setFontScale: (fontScale) => set({ fontScale: Math.min(1.6, Math.max(0.8, fontScale)) }),
        setWelcomed: () => set({ welcomed: true }),
        setUnderstandParaphrases: (understandParaphrases) => set({ understandParaphrases }),
      }),
      {
        name: SETTINGS_STORAGE_KEY,
        version: 2,
        storage: createJSONStorage(() => storage),
        partialize: (state) =>
          Object.fromEntries(STORED_SETTINGS.map((key) => [key, state[key]])) as Pick<SettingsState, StoredSetting>,
        // Version 1 had no recognition settings: keep what it stored, defaults fill the rest.
        migrate: (persisted) => persisted as Partial<SettingsState>,
      },
    ),
  );
}

export const selectVerbosity = (state: SettingsState) => state.verbosity;
export const selectMatchThreshold = (state: SettingsState) => state.matchThreshold;
