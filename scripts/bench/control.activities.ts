/** The control workflows' activities: nothing, so that only Temporal's own cost of an activity is measured. */
export function createControlActivities() {
  return {
    /** Does nothing. */
    async doNothing(): Promise<void> {
      // The round trip through Temporal is the point.
    },
  };
}

/** The activity interface the control workflows proxy. */
export type ControlActivities = ReturnType<typeof createControlActivities>;
