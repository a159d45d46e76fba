"""Reports for whoever maintains the assistant."""
