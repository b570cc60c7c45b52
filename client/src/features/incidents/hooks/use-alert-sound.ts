import { useSyncExternalStore } from 'react';
import { readPreference, writePreference } from '@client/lib/preference.js';

const MUTED_KEY = 'boc.alertSound.muted';
const listeners = new Set<() => void>();
let audio: AudioContext | undefined;

function isMuted(): boolean {
  return readPreference(MUTED_KEY) === 'true';
}

export function setMuted(muted: boolean): void {
  writePreference(MUTED_KEY, String(muted));
  listeners.forEach((listener) => listener());
}

export function useAlertSoundMuted(): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, isMuted);
}

/** Two short tones from WebAudio: no sound file to ship, and silent when muted. */
export function playAlertCue(): void {
  if (isMuted()) return;
  try {
    audio ??= new AudioContext();
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 660],
    ] as const) {
      const start = audio.currentTime + offset;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.18);
      tone.connect(gain).connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.2);
    }
  } catch {
    // No audio device or autoplay blocked: the toast still shows.
  }
}
