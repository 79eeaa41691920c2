// File sharing over the API (file.upload.*, file.download): chunks as base64 in JSON, SHA-256
// checked on both ends. Needs crypto.subtle, which browsers give secure pages only (https, or
// http on localhost).

import type { Attachment, FileChunk, UploadStarted } from "./protocol";

type Api = <T>(op: string, body: object, timeout?: number) => Promise<T>;

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  if (!crypto.subtle) throw new Error("Files need a secure page: open the chat over https (or on localhost).");
  const digest = await crypto.subtle.digest("SHA-256", data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Uploads a file into a dialogue; returns the attachment to send. */
export async function upload(api: Api, dialogueId: string, file: File, progress: (done: number) => void): Promise<Attachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = await sha256Hex(bytes.buffer);
  const started = await api<UploadStarted>("file.upload.begin", {
    dialogue_id: dialogueId,
    name: file.name,
    size: bytes.length,
    mime: file.type || "application/octet-stream",
  });
  try {
    for (let i = 0; i < started.chunks; i++) {
      const chunk = bytes.subarray(i * started.chunk_size, (i + 1) * started.chunk_size);
      await api("file.upload.chunk", { upload_id: started.upload_id, index: i, data: toBase64(chunk) }, 30_000);
      progress((i + 1) / started.chunks);
    }
    return await api<Attachment>("file.upload.commit", { upload_id: started.upload_id, sha256 }, 30_000);
  } catch (e) {
    api("file.upload.abort", { upload_id: started.upload_id }).catch(() => {});
    throw e;
  }
}

const downloaded = new Map<string, Promise<Blob>>();

/** A file's content, checked against its SHA-256; fetched once per page. */
export function download(api: Api, a: Attachment): Promise<Blob> {
  let p = downloaded.get(a.id);
  if (!p) {
    p = fetchFile(api, a);
    downloaded.set(a.id, p);
    p.catch(() => downloaded.delete(a.id));
  }
  return p;
}

async function fetchFile(api: Api, a: Attachment): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for (let i = 0, chunks = 1; i < chunks; i++) {
    const c = await api<FileChunk>("file.download", { file_id: a.id, index: i }, 30_000);
    chunks = c.chunks;
    parts.push(fromBase64(c.data));
  }
  const blob = new Blob(parts as BlobPart[], { type: a.mime });
  if ((await sha256Hex(await blob.arrayBuffer())) !== a.sha256) {
    throw new Error(`${a.name} arrived damaged (its SHA-256 does not match)`);
  }
  return blob;
}

export function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
