import { useEffect, useRef } from "preact/hooks";
import { EMOJI } from "./util";

/** A grid of emoji buttons; focus starts on the first, Escape or a click outside closes it. */
export function EmojiPicker({ onPick, onClose }: { onPick: (e: string) => void; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector("button")?.focus();
    const away = (e: MouseEvent) => !box.current?.contains(e.target as Node) && onClose();
    setTimeout(() => document.addEventListener("click", away));
    return () => document.removeEventListener("click", away);
  }, []);
  return (
    <div
      class="emoji-picker"
      ref={box}
      role="dialog"
      aria-label="Emoji"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {EMOJI.map((e) => (
        <button type="button" class="emoji" aria-label={e} onClick={() => onPick(e)}>
          {e}
        </button>
      ))}
    </div>
  );
}
