// Making a file the user takes elsewhere (a PDF, an e-mail draft): «open» hands it to the
// system's program, «save» writes it where the user chooses. When no program opens it, the
// user is told in words and the save dialog opens at once, so the file always ends up
// somewhere. One place for every such button (Print, Mail).
import { useState } from "react";
import type { ErrorCode, IpcError } from "../bindings";
import { useWords } from "../i18n";

/**
 * `make(save)` asks Rust for the file (`null`: the user cancelled the dialog); `made` takes
 * what came back; `cannotOpen` is the code Rust answers with when no program opened it.
 */
export function useOpenOrSave<T>(make: (save: boolean) => Promise<T | null>, made: (result: T) => void, cannotOpen: ErrorCode, before?: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useWords<string>();
  const go = async (save: boolean): Promise<void> => {
    await before?.();
    setBusy(true);
    if (!save) setError(null);
    try {
      const result = await make(save);
      if (result) made(result);
    } catch (e) {
      const problem = e as IpcError;
      setError(problem.message);
      if (!save && problem.code === cannotOpen) {
        setBusy(false);
        return go(true);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, setBusy, error, setError, go };
}
