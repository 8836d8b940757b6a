import type { ReactNode } from 'react';
import type { Readiness } from '@/lib/store/model-readiness-store';

export interface ModelReadinessProps {
  readiness: Readiness;
  /** "Whisper tiny (English)", or the local folder's name. */
  modelLabel: string;
  /** The download's approximate size, when known for this device's files. */
  aboutMb?: number;
  onDownload: () => void;
  onCancel: () => void;
  /** Offered when the download failed: the way to a model with no download. */
  localFolder?: ReactNode;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The speech model's state on this device, and the "Get ready" download with its progress, cancel and resume. */
export function ModelReadiness({
  readiness,
  modelLabel,
  aboutMb,
  onDownload,
  onCancel,
  localFolder,
}: ModelReadinessProps) {
  const size = aboutMb ? `about ${aboutMb} MB` : 'its size shows as it downloads';
  switch (readiness.phase) {
    case 'checking':
      return <p className="model-readiness card-meta">Checking the speech model…</p>;
    case 'local':
      return (
        <p className="model-readiness model-readiness--ready">✓ Ready offline: {modelLabel}, stored on this device.</p>
      );
    case 'ready':
      return (
        <p className="model-readiness model-readiness--ready" role="status">
          ✓ Ready offline: {modelLabel} is stored on this device.
        </p>
      );
    case 'downloading': {
      const total = aboutMb ? Math.max(aboutMb * 1024 * 1024, readiness.loaded) : undefined;
      return (
        <div className="model-readiness">
          <label className="model-progress">
            Downloading {modelLabel}: {megabytes(readiness.loaded)}
            {aboutMb ? ` of about ${aboutMb} MB` : ''} (file {Math.min(readiness.done + 1, readiness.files)} of{' '}
            {readiness.files})
            <progress max={total ?? readiness.files} value={total ? readiness.loaded : readiness.done} />
          </label>
          <button type="button" onClick={onCancel}>
            Cancel download
          </button>
        </div>
      );
    }
    case 'missing':
    case 'paused': {
      const kept = readiness.loaded > 0;
      const failed = readiness.phase === 'paused' && readiness.failed;
      return (
        <div className="model-readiness">
          {readiness.phase === 'paused' && (
            <p role={failed ? 'alert' : 'status'} className={`message message--${failed ? 'error' : 'info'}`}>
              {readiness.message}
            </p>
          )}
          <p className="card-meta">
            {modelLabel}, {size}, downloaded once and kept on this device
            {kept ? ` (${megabytes(readiness.loaded)} already here)` : ''}.
          </p>
          <div className="pack-actions">
            <button type="button" className="primary" onClick={onDownload}>
              {failed ? 'Try again' : kept ? 'Resume download' : 'Get ready'}
            </button>
            {failed && localFolder}
          </div>
        </div>
      );
    }
  }
}
