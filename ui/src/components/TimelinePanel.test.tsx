// @vitest-environment happy-dom
// An application's life as the panel shows it, given the timelines Rust answers
// (fixtures/timeline-*.json, made by a Rust test from the shared fixtures): what is shown,
// what recording sends, and what a refusal or a void contract looks like.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Timeline } from "../bindings";
import waiting from "../fixtures/timeline-waiting.json";
import voided from "../fixtures/timeline-void.json";
import { applicationsChanged } from "../queries";
import { bridge, reset, show } from "../test/render";
import { TimelinePanel } from "./TimelinePanel";

const label = (e: string) => `«${e}»`;

afterEach(reset);

describe("the timeline panel", () => {
  it("shows the state, the trail of events and every deadline with its status", async () => {
    const line = waiting as Timeline;
    bridge((cmd) => (cmd === "application_timeline" ? line : null));
    show(<TimelinePanel applicationId="a1" labels={label} />);
    expect((await screen.findByTestId("life-state")).textContent).toBe(line.state_label);
    expect(screen.getAllByTestId("life-event")).toHaveLength(line.events.length);
    expect(screen.getAllByTestId("life-event")[0].textContent).toContain(line.events[0].label);
    for (const d of line.deadlines.filter((d) => d.round === 1)) {
      expect(screen.getByTestId(`life-deadline-${d.item.rule}`)).toBeTruthy();
    }
    expect(screen.queryByTestId("life-void")).toBeNull();
  });

  it("names the colleague who recorded an event on another desktop, and says the Operator's came from the Operator", async () => {
    const line = waiting as Timeline;
    const named: Timeline = { ...line, events: line.events.map((e, i) => (i === 0 ? { ...e, author: "Алиса Петрова" } : e)) };
    bridge((cmd) => (cmd === "application_timeline" ? named : null));
    show(<TimelinePanel applicationId="a1" labels={label} />);
    const rows = await screen.findAllByTestId("life-event");
    expect(rows[0].textContent).toContain("внесено коллегой: Алиса Петрова");
    expect(rows[0].textContent).not.toContain("от Оператора");
  });

  it("records the chosen event with the date typed day first sent as ISO, then reads the timeline again", async () => {
    const line = waiting as Timeline;
    const calls = bridge((cmd) => (cmd === "application_timeline" ? line : cmd === "record_event" ? { ...line.events[0].event, id: 99 } : null));
    show(<TimelinePanel applicationId="a1" labels={label} />);
    const kind = (await screen.findByTestId("life-event-kind")) as HTMLSelectElement;
    fireEvent.change(kind, { target: { value: "contract_signed" } });
    fireEvent.change(screen.getByTestId("life-event-date"), { target: { value: "11.03.2025" } });
    fireEvent.click(screen.getByTestId("life-event-save"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "application_timeline")).toHaveLength(2));
    expect(calls.find((c) => c.cmd === "record_event")?.args).toEqual({ id: "a1", event: { event: "contract_signed", at: "2025-03-11", corrects: null, note: "" } });
    expect((screen.getByTestId("life-event-date") as HTMLInputElement).value).toBe("");
  });

  it("shows a refusal in words and keeps what was typed", async () => {
    const refusal = { code: "store.lifecycle", message: "Это событие сейчас записать нельзя: договор ещё не подписан.", fields: [] };
    bridge((cmd) => {
      if (cmd === "record_event") throw refusal;
      return waiting;
    });
    show(<TimelinePanel applicationId="a1" labels={label} />);
    fireEvent.change(await screen.findByTestId("life-event-date"), { target: { value: "11.03.2025" } });
    fireEvent.click(screen.getByTestId("life-event-save"));
    expect((await screen.findByTestId("life-error")).textContent).toBe(refusal.message);
    expect((screen.getByTestId("life-event-date") as HTMLInputElement).value).toBe("11.03.2025");
  });

  it("says a contract is void and offers a new application from its form", async () => {
    const line = voided as Timeline;
    bridge(() => line);
    let started = 0;
    show(<TimelinePanel applicationId="a1" labels={label} onStartNew={() => (started += 1)} />);
    expect((await screen.findByTestId("life-void")).textContent).toContain(line.void!.message);
    fireEvent.click(screen.getByTestId("life-start-new"));
    expect(started).toBe(1);
  });

  it("says an Operator's step comes by sync, and only for such a step", async () => {
    bridge(() => waiting);
    show(<TimelinePanel applicationId="a1" labels={label} byOperator={(e) => e === "signed_contract_received"} />);
    const kind = (await screen.findByTestId("life-event-kind")) as HTMLSelectElement;
    fireEvent.change(kind, { target: { value: "contract_signed" } });
    expect(screen.queryByTestId("life-by-operator")).toBeNull();
    fireEvent.change(kind, { target: { value: "signed_contract_received" } });
    expect(screen.getByTestId("life-by-operator")).toBeTruthy();
  });

  it("offers the first event that may come next after the application changed, unless the user chose one", async () => {
    const line = waiting as Timeline;
    let next = ["training_completed"];
    bridge(() => ({ ...line, next_events: next }));
    show(<TimelinePanel applicationId="a1" labels={label} />);
    const kind = (await screen.findByTestId("life-event-kind")) as HTMLSelectElement;
    expect(kind.value).toBe("training_completed");
    // Marked ready elsewhere: sending is possible now, and comes first.
    next = ["application_sent", "training_completed"];
    applicationsChanged("a1");
    await waitFor(() => expect(kind.value).toBe("application_sent"));
    // What the user picks stays while it may still come next.
    fireEvent.change(kind, { target: { value: "training_completed" } });
    next = ["application_sent", "training_completed", "contract_signed"];
    applicationsChanged("a1");
    await waitFor(() => expect(kind.querySelectorAll("option")).toHaveLength(3));
    expect(kind.value).toBe("training_completed");
  });

  it("reads the timeline again after a sync run, which may have changed any application", async () => {
    const line = waiting as Timeline;
    let events = line.events.slice(0, 1);
    bridge(() => ({ ...line, events }));
    show(<TimelinePanel applicationId="a1" labels={label} />);
    await waitFor(() => expect(screen.getAllByTestId("life-event")).toHaveLength(1));
    events = line.events.slice(0, 2);
    applicationsChanged();
    await waitFor(() => expect(screen.getAllByTestId("life-event")).toHaveLength(2));
  });
});
