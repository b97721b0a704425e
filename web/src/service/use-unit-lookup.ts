// Finds a unit by what a person typed or a nameplate code said: a serial first, else a model's units.
import { useCallback, useState } from "react";
import { ApiError, api } from "../api/client";
import { type NameplateRef, readNameplate } from "./nameplate";
import type { Equipment } from "./types";

export interface UnitBrief {
  serial: string;
  customer: string;
  site: string;
  installedOn: string;
}

export interface Lookup {
  unit?: Equipment;
  units?: UnitBrief[];
  model?: string;
  notFound?: string;
  error?: string;
  loading: boolean;
}

export function useUnitLookup() {
  const [state, setState] = useState<Lookup>({ loading: false });

  const load = useCallback(async (ref: NameplateRef) => {
    setState({ loading: true });
    try {
      if ("serial" in ref) {
        try {
          setState({ loading: false, unit: await api<Equipment>("GET", `/api/equipment/${encodeURIComponent(ref.serial)}`) });
          return;
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 404)) throw e;
        }
      }
      const model = "serial" in ref ? ref.serial : ref.model;
      const { equipment } = await api<{ equipment: UnitBrief[] }>("GET", `/api/equipment?model=${encodeURIComponent(model)}`);
      if (equipment.length === 1) return load({ serial: equipment[0].serial });
      if (!equipment.length) setState({ loading: false, notFound: model });
      else
        setState({
          loading: false,
          model,
          units: equipment,
        });
    } catch (e) {
      setState({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  /** Typed text: a serial, a model, or a pasted nameplate text. */
  const find = useCallback(
    (text: string) => {
      const ref = readNameplate(text);
      if (ref) void load(ref);
      else setState({ loading: false, notFound: text.trim() });
    },
    [load],
  );
  const reload = useCallback(() => {
    if (state.unit) void load({ serial: state.unit.serial });
  }, [load, state.unit]);
  return { ...state, find, load, reload };
}
