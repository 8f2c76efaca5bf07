"""The sandbox panel: the portal clock, faults and test identities, from the TUI."""
