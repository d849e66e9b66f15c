// What a component test needs around a component: the app's one query cache (emptied
// between tests), the chosen language, and the Tauri bridge answered by the test itself
// (`mockIPC`): the component calls the same generated commands as in the window.
import { QueryClientProvider } from "@tanstack/react-query";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Lang } from "../bindings";
import { I18nContext, type MessageKey, type Args, translate } from "../i18n";
import { queryClient } from "../queries";

/** The commands called, in order, with their arguments. */
export type Calls = { cmd: string; args: Record<string, unknown> }[];

/** Answers each command with `answer(cmd, args)`; a thrown value is the command's refusal. */
export function bridge(answer: (cmd: string, args: Record<string, unknown>) => unknown): Calls {
  const calls: Calls = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    return answer(cmd, a);
  });
  return calls;
}

export function show(ui: ReactElement, lang: Lang = "ru") {
  const t = (key: MessageKey, args?: Args) => translate(lang, key, args);
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nContext.Provider value={{ lang, t }}>{ui}</I18nContext.Provider>
    </QueryClientProvider>,
  );
}

export function reset() {
  cleanup();
  clearMocks();
  queryClient.clear();
}
