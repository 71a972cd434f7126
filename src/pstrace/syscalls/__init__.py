"""syscalls package."""
