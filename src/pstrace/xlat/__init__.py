"""xlat package."""
