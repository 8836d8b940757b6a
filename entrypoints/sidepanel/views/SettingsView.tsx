import { useShallow } from 'zustand/react/shallow';
import { DisplaySettings } from '@/components/settings/DisplaySettings';
import { RecognitionSettings } from '@/components/settings/RecognitionSettings';
import { useSettingsStore } from '../stores';
import { ModelStep } from './ModelStep';
import { ParaphraseStep } from './ParaphraseStep';

export function SettingsView() {
  const settings = useSettingsStore(
    useShallow((state) => ({
      theme: state.theme,
      fontScale: state.fontScale,
      matchThreshold: state.matchThreshold,
      asrModel: state.asrModel,
      asrDevice: state.asrDevice,
      captureMicrophone: state.captureMicrophone,
      vad: state.vad,
      setTheme: state.setTheme,
      setFontScale: state.setFontScale,
      setMatchThreshold: state.setMatchThreshold,
      setVad: state.setVad,
      setAsrModel: state.setAsrModel,
      setAsrDevice: state.setAsrDevice,
      setCaptureMicrophone: state.setCaptureMicrophone,
    })),
  );
  return (
    <>
      <DisplaySettings
        theme={settings.theme}
        fontScale={settings.fontScale}
        matchThreshold={settings.matchThreshold}
        onTheme={settings.setTheme}
        onFontScale={settings.setFontScale}
        onMatchThreshold={settings.setMatchThreshold}
      />
      <RecognitionSettings
        model={settings.asrModel}
        device={settings.asrDevice}
        captureMicrophone={settings.captureMicrophone}
        vad={settings.vad}
        onVad={settings.setVad}
        onModel={settings.setAsrModel}
        onDevice={settings.setAsrDevice}
        onCaptureMicrophone={settings.setCaptureMicrophone}
        modelReadiness={<ModelStep />}
      />
      <ParaphraseStep />
    </>
  );
}
