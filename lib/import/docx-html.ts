import { ImportFileError } from './import-file-error';

/** A Word file as HTML: mammoth maps Heading styles to <h1>…<h6>, bold runs to <strong>, list paragraphs to lists. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    // Loaded only when a Word file comes, so the import worker starts without it.
    const { default: mammoth } = await import('mammoth');
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer` (JSZip takes the bytes either way).
    const { value } = await mammoth.convertToHtml({ arrayBuffer, buffer: bytes } as unknown as {
      arrayBuffer: ArrayBuffer;
    });
    return `<!doctype html><html><body><article>${value}</article></body></html>`;
  } catch (error) {
    throw new ImportFileError(`This file could not be read as a Word document (${(error as Error).message}).`);
  }
}
