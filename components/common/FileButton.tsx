import type { InputHTMLAttributes } from 'react';

/** A labelled file input that hands over the chosen files and resets, so the same file can be picked again. */
export function FileButton({
  label,
  onFiles,
  ...inputProps
}: { label: string; onFiles: (files: FileList | null) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'onChange'
>) {
  return (
    <label className="file-button">
      {label}
      <input
        {...inputProps}
        type="file"
        onChange={(event) => {
          onFiles(event.target.files);
          event.target.value = '';
        }}
      />
    </label>
  );
}
